using RatingGrid.Host.Hosting;

var app = RatingGridApp.Build(args);
await app.RunAsync();
