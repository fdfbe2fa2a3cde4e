using System.Globalization;
using System.Text;
using Vigil.Storage.Disclosures;

namespace Vigil.Server.Disclosures;

/// <summary>
/// The dataset as RFC 4180 CSV: platform, account_id, handle, created, followers. A cell that a spreadsheet would run as
/// a formula (starting with =, +, - or @) is prefixed with an apostrophe: public handles are chosen by the accounts' owners.
/// </summary>
public static class DisclosureCsv
{
    public const string Header = "platform,account_id,handle,created,followers";

    public static async Task WriteAsync(IReadOnlyList<DisclosedAccount> accounts, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(Header.AsMemory(), cancellationToken).ConfigureAwait(false);
            foreach (var account in accounts)
            {
                var line = string.Join(',', Cell(account.Platform), Cell(account.AccountId), Cell(account.Handle),
                    account.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, account.Followers.ToString(CultureInfo.InvariantCulture));
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
