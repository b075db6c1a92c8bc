using System.Text;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// One pass over the bytes with a decoder that throws on invalid input: a GBK file is almost never valid UTF-8,
/// so strict UTF-8 first and GB18030 second tells them apart. NUL or many control bytes mean a binary file.
/// </summary>
internal sealed record TextScan(Encoding Encoding, int Lines, bool Blank)
{
    public static TextScan? Run(Stream stream, Encoding encoding)
    {
        stream.Position = 0;
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        long total = 0, controls = 0;
        int lines = 0, read;
        var blank = true;
        var lastChar = '\n';
        try
        {
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                foreach (var ch in chars.AsSpan(0, count))
                {
                    if (ch == '\0')
                    {
                        return null;
                    }

                    lines += ch == '\n' ? 1 : 0;
                    controls += char.IsControl(ch) && ch is not ('\r' or '\n' or '\t') ? 1 : 0;
                    blank &= char.IsWhiteSpace(ch) || ch == '\uFEFF';
                    lastChar = ch;
                }

                total += count;
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        // Text files carry at most a stray control character; a binary file that happens to decode has many.
        return controls > 8 && controls * 100 > total ? null : new TextScan(encoding, lines + (lastChar == '\n' ? 0 : 1), blank);
    }
}
