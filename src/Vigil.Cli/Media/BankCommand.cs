using System.CommandLine;

namespace Vigil.Cli.Media;

/// <summary><c>vigil bank export|import</c>: converts hash banks between the text form and STIX bundles.</summary>
public static class BankCommand
{
    public static Command Create() =>
        new("bank", "Convert PDQ and vPDQ hash banks between hash[,label[,source]] text files and STIX 2.1 bundles.")
        {
            BankExportCommand.Create(),
            BankImportCommand.Create(),
        };
}
