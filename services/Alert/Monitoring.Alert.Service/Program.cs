using Monitoring.Alert;
using Monitoring.ServiceDefaults;
using Monitoring.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAlert();
builder.AddMonitoringBus();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAlertEndpoints();

app.Run();
