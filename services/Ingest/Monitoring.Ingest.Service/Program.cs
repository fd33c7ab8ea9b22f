using Monitoring.Ingest;
using Monitoring.ServiceDefaults;
using Monitoring.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIngest();
builder.AddMonitoringBus();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapIngestEndpoints();

app.Run();
