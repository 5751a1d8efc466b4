namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>
/// Reads an amount written in Chinese capitals (人民币大写, as on a 开标一览表 or 投标函): 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分,
/// 人民币壹仟零伍拾元整. Accepts 元 or 圆, a final 整 or 正, the prefix 人民币, and the everyday numerals 一…九, 十百千 as
/// well as the financial ones; refuses anything else, with the reason.
/// </summary>
internal static class ChineseAmount
{
    private const string Capitals = "零壹贰叁肆伍陆柒捌玖";
    private const string Everyday = "〇一二三四五六七八九";

    public static (decimal? Amount, string? Problem) Parse(string? text)
    {
        var s = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (s.StartsWith("人民币", StringComparison.Ordinal))
        {
            s = s[3..];
        }

        s = s.TrimEnd('整', '正');
        if (s.Length == 0)
        {
            return (null, "大写金额为空。");
        }

        var yuan = s.IndexOfAny(['元', '圆']);
        string whole, fraction;
        if (yuan >= 0)
        {
            whole = s[..yuan];
            fraction = s[(yuan + 1)..];
        }
        else if (s.Contains('角', StringComparison.Ordinal) || s.Contains('分', StringComparison.Ordinal))
        {
            whole = "";
            fraction = s;
        }
        else
        {
            return (null, $"大写金额“{text}”缺少“元”。");
        }

        var integer = Whole(whole);
        if (integer is null)
        {
            return (null, $"大写金额“{text}”的元以上部分无法识别。");
        }

        var cents = Fraction(fraction);
        return cents is null
            ? (null, $"大写金额“{text}”的角、分部分无法识别。")
            : (integer.Value + cents.Value / 100m, null);
    }

    private static int Digit(char c)
    {
        var i = Capitals.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? i : Everyday.IndexOf(c, StringComparison.Ordinal);
    }

    private static int Unit(char c) => c switch
    {
        '拾' or '十' => 10,
        '佰' or '百' => 100,
        '仟' or '千' => 1000,
        _ => 0,
    };

    private static decimal? Whole(string s)
    {
        if (s.Length == 0)
        {
            return 0;
        }

        decimal total = 0, section = 0;
        int number = 0, lastUnit = int.MaxValue;
        var pending = false;
        foreach (var c in s)
        {
            var digit = Digit(c);
            var unit = Unit(c);
            if (digit > 0)
            {
                if (pending)
                {
                    return null;
                }

                number = digit;
                pending = true;
            }
            else if (digit == 0)
            {
                if (pending)
                {
                    return null;
                }
            }
            else if (unit > 0)
            {
                if (unit >= lastUnit || (!pending && unit != 10))
                {
                    return null;
                }

                section += (pending ? number : 1) * unit;
                lastUnit = unit;
                number = 0;
                pending = false;
            }
            else if (c == '万')
            {
                section += pending ? number : 0;
                if (section == 0)
                {
                    return null;
                }

                total += section * 10_000m;
                (section, number, pending, lastUnit) = (0, 0, false, int.MaxValue);
            }
            else if (c == '亿')
            {
                section += pending ? number : 0;
                if (section == 0 && total == 0)
                {
                    return null;
                }

                total = (total + section) * 100_000_000m;
                (section, number, pending, lastUnit) = (0, 0, false, int.MaxValue);
            }
            else
            {
                return null;
            }
        }

        return total + section + (pending ? number : 0);
    }

    private static decimal? Fraction(string s)
    {
        var cents = 0;
        var i = 0;
        if (i < s.Length && Digit(s[i]) == 0 && s.Length > 1)
        {
            i++;
        }

        if (i + 1 < s.Length && Digit(s[i]) > 0 && s[i + 1] == '角')
        {
            cents += Digit(s[i]) * 10;
            i += 2;
        }

        if (i < s.Length && Digit(s[i]) == 0)
        {
            i++;
        }

        if (i + 1 < s.Length && Digit(s[i]) > 0 && s[i + 1] == '分')
        {
            cents += Digit(s[i]);
            i += 2;
        }

        return i == s.Length ? cents : null;
    }
}
