using RatingGrid.Host;

var app = RatingGridApp.Build(args);
await app.RunAsync();
