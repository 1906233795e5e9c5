using AiGO.Domain.Accounts;
using AiGO.Domain.Data;
using AiGO.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AiGO.Web.Accounts;

/// <summary>Identity, sessions, rate limits and the account use cases, configured from <c>Identity</c>, <c>Accounts</c> and <c>RateLimiting</c>.</summary>
public static class AccountsSetup
{
    public static IServiceCollection AddAiGoAccounts(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        var session = configuration.GetSection("Accounts:Session").Get<SessionOptions>() ?? new SessionOptions();
        services.AddSingleton(session);
        services.ConfigureApplicationCookie(o => SessionLifetime.Configure(o, session));
        services.AddSingleton<ServerSessions>();

        services.Configure<PasswordLengthOptions>(configuration.GetSection("Identity:Password"));
        services.AddIdentityCore<AppUser>(options =>
            {
                // E-mail confirmation is checked before a subsidy application, not at sign-in.
                options.SignIn.RequireConfirmedAccount = false;
                options.SignIn.RequireConfirmedEmail = false;
                options.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length over composition rules.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                configuration.GetSection("Identity").Bind(options);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AiGoDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ZhTwIdentityErrorDescriber>()
            .AddPasswordValidator<MaxLengthPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        services.AddSingleton<IEmailSender<AppUser>, OutboxEmailSender>();

        var limits = configuration.GetSection("RateLimiting:Accounts").Get<AccountRateLimitOptions>() ?? new AccountRateLimitOptions();
        services.Configure<AccountRateLimitOptions>(configuration.GetSection("RateLimiting:Accounts"));
        services.AddRateLimiter(o => AccountThrottle.AddPolicy(o, limits));
        services.AddSingleton<AccountThrottle>();

        services.AddSingleton(new UploadFolder(Hosting.PrivateFiles.Folder(Path.Combine(dataFolder, "uploads"))));
        services.Configure<UploadQuotaOptions>(configuration.GetSection("Accounts:Uploads"));
        services.Configure<MemberRateLimitOptions>(configuration.GetSection("RateLimiting:Members"));
        services.AddSingleton<MemberThrottle>();
        services.AddScoped<CurrentPasswordCheck>();
        services.AddScoped<DeleteMyAccount>();
        services.AddSingleton(configuration.GetSection("Accounts").Get<RecordRetentionOptions>() ?? new RecordRetentionOptions());
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton(sp => new NationalIdProtector(sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            configuration, sp.GetRequiredService<IHostEnvironment>(), dataFolder));
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton(_ => CommonPasswords.Default);
        services.AddSingleton<AccountLinks>();
        services.AddSingleton<CodeBook>();
        services.AddScoped<RegisterMember>();
        services.AddScoped<OrganiserStaff>();
        services.AddScoped<EditProfile>();
        services.AddScoped<SubmitLearningCredit>();
        services.AddScoped<MyLearningCredits>();
        services.AddSingleton<AiGO.Web.Privacy.MyPersonalData>();
        return services;
    }
}
