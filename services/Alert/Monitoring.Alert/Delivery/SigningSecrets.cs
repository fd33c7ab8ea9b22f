using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Monitoring.ServiceDefaults;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// Webhook signing secrets encrypted at rest (AES-256-GCM) with the key in <c>Alert:SecretKey</c>, so a copy of the
/// database alone signs nothing. Stored as <c>enc1:</c> + base64(nonce | tag | ciphertext); a secret stored before
/// encryption existed (plain <c>whsec_…</c>) still reads as itself.
/// </summary>
public sealed class SigningSecrets
{
    public const string SettingKey = AlertOptions.SectionName + ":" + nameof(AlertOptions.SecretKey);
    private const string Prefix = "enc1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public SigningSecrets(IOptions<AlertOptions> options) => _key = KeyFrom(options.Value.SecretKey);

    /// <summary>The 256-bit key from the setting: base64 of 32 bytes, or any passphrase of at least 32 characters (hashed).</summary>
    public static byte[] KeyFrom(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting) || setting.Trim().Length < 32)
        {
            throw new InvalidSettingException(SettingKey, "must be set to at least 32 random characters (e.g. openssl rand -hex 32): it encrypts webhook signing secrets at rest");
        }

        var value = setting.Trim();
        var buffer = new byte[32];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32 ? buffer : SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    public string Protect(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBox = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize));
        return Prefix + Convert.ToBase64String(sealedBox);
    }

    /// <summary>The secret as it was given; throws <see cref="CryptographicException"/> when it was encrypted with another key.</summary>
    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored;
        var sealedBox = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
