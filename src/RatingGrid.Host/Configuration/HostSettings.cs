namespace RatingGrid.Host.Configuration;

/// <summary>Every settings section, read and validated while the host is built.</summary>
internal sealed record HostSettings(
    ServiceSettings Service,
    LimitSettings Limits,
    SiloSettings Silo,
    StorageSettings Storage,
    AuthSettings Auth,
    PublicationSettings Publication);
