namespace BankCrm.Data.DemoBank.Catalogs;

/// <summary>
/// Name lists. Surname shares (percent of the population) follow the Ministry of Public Security's 2020 report on
/// names; given names follow the fashions of each generation.
/// </summary>
internal static class NameData
{
    public static readonly (string Surname, string Pinyin, double Percent)[] Surnames =
    [
        ("王", "wang", 7.12), ("李", "li", 6.94), ("张", "zhang", 6.74), ("刘", "liu", 5.10), ("陈", "chen", 4.61), ("杨", "yang", 3.22),
        ("赵", "zhao", 2.45), ("黄", "huang", 2.45), ("周", "zhou", 2.26), ("吴", "wu", 2.22), ("徐", "xu", 1.68), ("孙", "sun", 1.55),
        ("胡", "hu", 1.34), ("朱", "zhu", 1.30), ("高", "gao", 1.21), ("林", "lin", 1.19), ("何", "he", 1.17), ("郭", "guo", 1.15),
        ("马", "ma", 1.06), ("罗", "luo", 0.87), ("梁", "liang", 0.81), ("宋", "song", 0.75), ("郑", "zheng", 0.75), ("谢", "xie", 0.72),
        ("韩", "han", 0.69), ("唐", "tang", 0.67), ("冯", "feng", 0.62), ("于", "yu", 0.61), ("董", "dong", 0.59), ("萧", "xiao", 0.58),
        ("程", "cheng", 0.56), ("曹", "cao", 0.55), ("袁", "yuan", 0.54), ("邓", "deng", 0.53), ("许", "xu", 0.52), ("傅", "fu", 0.51),
        ("沈", "shen", 0.50), ("曾", "zeng", 0.49), ("彭", "peng", 0.48), ("吕", "lv", 0.47), ("苏", "su", 0.46), ("卢", "lu", 0.45),
        ("蒋", "jiang", 0.45), ("蔡", "cai", 0.44), ("贾", "jia", 0.42), ("丁", "ding", 0.42), ("魏", "wei", 0.41), ("薛", "xue", 0.40),
        ("叶", "ye", 0.40), ("阎", "yan", 0.39), ("余", "yu", 0.38), ("潘", "pan", 0.38), ("杜", "du", 0.37), ("戴", "dai", 0.36),
        ("夏", "xia", 0.36), ("钟", "zhong", 0.35), ("汪", "wang", 0.35), ("田", "tian", 0.34), ("任", "ren", 0.34), ("姜", "jiang", 0.33),
        ("范", "fan", 0.33), ("方", "fang", 0.32), ("石", "shi", 0.32), ("姚", "yao", 0.31), ("谭", "tan", 0.31), ("廖", "liao", 0.30),
        ("邹", "zou", 0.30), ("熊", "xiong", 0.29), ("金", "jin", 0.29), ("陆", "lu", 0.28), ("郝", "hao", 0.28), ("孔", "kong", 0.27),
        ("白", "bai", 0.27), ("崔", "cui", 0.26), ("康", "kang", 0.26), ("毛", "mao", 0.25), ("邱", "qiu", 0.25), ("秦", "qin", 0.24),
        ("江", "jiang", 0.24), ("史", "shi", 0.23), ("顾", "gu", 0.23), ("侯", "hou", 0.22), ("邵", "shao", 0.22), ("孟", "meng", 0.21),
        ("龙", "long", 0.21), ("万", "wan", 0.20), ("段", "duan", 0.20), ("钱", "qian", 0.19), ("汤", "tang", 0.19), ("尹", "yin", 0.18),
        ("黎", "li", 0.18), ("易", "yi", 0.17), ("常", "chang", 0.17), ("武", "wu", 0.16), ("乔", "qiao", 0.16), ("贺", "he", 0.16),
        ("赖", "lai", 0.15), ("龚", "gong", 0.15), ("文", "wen", 0.15), ("庞", "pang", 0.14), ("樊", "fan", 0.14), ("兰", "lan", 0.13),
    ];

    /// <summary>Compound surnames: rare (together well under 1%) but they must work everywhere a name is shown.</summary>
    public static readonly (string Surname, string Pinyin)[] CompoundSurnames =
    [
        ("欧阳", "ouyang"), ("司马", "sima"), ("上官", "shangguan"), ("诸葛", "zhuge"), ("东方", "dongfang"), ("皇甫", "huangfu"),
        ("慕容", "murong"), ("令狐", "linghu"), ("司徒", "situ"), ("夏侯", "xiahou"), ("尉迟", "yuchi"), ("端木", "duanmu"),
    ];

    public static readonly string[] MaleBefore1960 = ["建国", "国强", "建华", "志强", "德明", "振华", "国庆", "卫东", "建军", "文华", "永福", "长海", "保国", "德胜", "树林", "庆华"];
    public static readonly string[] FemaleBefore1960 = ["秀英", "桂英", "秀兰", "玉兰", "桂兰", "淑珍", "凤英", "玉珍", "秀珍", "丽华", "淑英", "美兰", "桂芳", "玉梅", "素珍", "凤兰"];
    public static readonly string[] Male1960s70s = ["伟", "勇", "军", "斌", "强", "涛", "磊", "明", "刚", "波", "辉", "建平", "志刚", "海军", "晓东", "红军", "卫国", "立新", "建伟", "国平"];
    public static readonly string[] Female1960s70s = ["丽", "艳", "敏", "静", "燕", "红", "霞", "芳", "娟", "玲", "丽娟", "海燕", "春梅", "晓红", "丽萍", "红梅", "雪梅", "小红", "建英", "晓燕"];
    public static readonly string[] Male1980s = ["磊", "超", "鹏", "杰", "浩", "俊", "帅", "亮", "鑫", "博", "宇", "明辉", "志伟", "晓明", "文斌", "建伟", "海涛", "俊杰", "志华", "晨"];
    public static readonly string[] Female1980s = ["婷", "丹", "莉", "倩", "雪", "琳", "晶", "颖", "娜", "佳", "婷婷", "晓燕", "丹丹", "静怡", "雪梅", "慧", "璐", "蕾", "晓丽", "佳琪"];
    public static readonly string[] Female1995On = ["欣怡", "梓涵", "诗涵", "子涵", "雨桐", "可馨", "思彤", "佳怡", "紫涵", "一诺", "语桐", "梦琪", "雨萱", "若曦", "思雨", "心怡", "欣妍", "雅婷"];

    public static readonly string[] UyghurMale = ["艾力", "买买提", "阿不都拉", "艾合买提", "吐尔逊", "亚森", "努尔", "伊力哈木", "阿迪力", "艾尔肯", "库尔班"];
    public static readonly string[] UyghurFemale = ["古丽", "阿依古丽", "热依拉", "迪丽娜尔", "帕提古丽", "米热古丽", "阿依努尔", "古丽娜尔", "再努尔"];

    /// <summary>Brand words for company names; two are combined.</summary>
    public static readonly string[] BrandFirst = ["瑞", "华", "恒", "鼎", "嘉", "锦", "博", "汇", "天", "宏", "鑫", "中", "启", "优", "星", "蓝", "云", "智", "新", "盛", "和", "利", "安", "信", "泰", "东", "海", "金", "永", "德"];
    public static readonly string[] BrandSecond = ["丰", "信", "通", "盛", "禾", "程", "远", "达", "成", "源", "创", "航", "品", "耀", "海", "帆", "联", "锐", "泰", "隆", "兴", "邦", "诚", "晟", "峰", "辰", "弘", "润", "拓", "驰"];

    public static readonly string[] EmailDomains = ["qq.com", "qq.com", "qq.com", "163.com", "163.com", "126.com", "sina.com", "foxmail.com", "outlook.com", "gmail.com", "139.com"];
}
