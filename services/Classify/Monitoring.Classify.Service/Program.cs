using Monitoring.Classify;
using Monitoring.ServiceDefaults;
using Monitoring.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddClassify();
builder.AddMonitoringBus();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapClassifyEndpoints();

app.Run();
