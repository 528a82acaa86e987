using System.Security.Cryptography;
using System.Text;
using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Tokens;

/// <summary>API tokens, stored as SHA-256 hashes (the tokens are random, so a slow hash adds nothing).</summary>
public sealed class ApiTokenStore(IDbContextFactory<GitOpsDbContext> dbFactory, TimeProvider time)
{
    public const string TokenPrefix = "gitops_";

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <returns>The token (shown once) and its record; null when the name is taken.</returns>
    public async Task<(string Token, ApiToken Record)?> CreateAsync(string name, UserRole role, string createdBy, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiToken
        {
            Name = name, Prefix = token[..12], Hash = HashOf(token), Role = role, CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(), ExpiresAt = expiresAt,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ApiTokens.AnyAsync(t => t.Name == name, cancellationToken))
        {
            return null;
        }

        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (token, record);
    }

    /// <summary>The token's record when it exists and has not expired; records the use.</summary>
    public async Task<ApiToken?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = time.GetUtcNow();
        if (record is null || record.ExpiresAt <= now)
        {
            return null;
        }

        record.LastUsedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.Where(t => t.Name == name).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
