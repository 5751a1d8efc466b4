using Ggzy.Credit;
using Ggzy.Exchange;
using Ggzy.Experts;
using Ggzy.Platform;
using Ggzy.Portal;
using Ggzy.Supervision;
using Ggzy.Trading;
using Ggzy.Web.Api;
using Ggzy.Web.Identity;
using Ggzy.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddGgzyWeb();
builder.Services.AddPlatform();
builder.Services.AddGgzyIdentity();
builder.Services.AddCredit();
builder.Services.AddExperts();
builder.Services.AddTrading();
builder.Services.AddSupervision();
builder.Services.AddPortal();
builder.Services.AddExchange();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UseGgzyPipeline();

var api = app.MapGroup("/api/v1");
api.MapPlatformApi();
api.MapCredit();
api.MapExperts();
api.MapTrading();
api.MapSupervision();
api.MapPortal();
api.MapExchange();
app.MapGgzySite();

await app.RunAsync();

/// <summary>The host's entry point, visible to the HTTP tests.</summary>
public partial class Program;
