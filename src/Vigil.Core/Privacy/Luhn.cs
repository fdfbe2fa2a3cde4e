namespace Vigil.Core.Privacy;

/// <summary>The Luhn (mod 10) check digit test of payment card numbers.</summary>
public static class Luhn
{
    /// <summary>True when the digits of <paramref name="number"/> (other characters ignored) pass the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        var sum = 0;
        var digits = 0;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            var c = number[i];
            if (c is < '0' or > '9')
            {
                continue;
            }

            var d = c - '0';
            if (digits % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            digits++;
        }

        return digits > 0 && sum % 10 == 0;
    }
}
