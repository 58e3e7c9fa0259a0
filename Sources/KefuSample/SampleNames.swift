/// Name pools for sample agents and buyers: Chinese names, the nicknames shops give agent
/// accounts (`旗舰店:小美`), and the three shapes of Taobao buyer ids.
enum SampleNames {
    static let shop = "旗舰店"

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
                           "胡", "郭", "何", "林", "罗", "高", "秦", "雷", "黎", "邓", "许", "韩", "冯", "曹"]
    static let givenNames = ["佳怡", "子轩", "敏", "鹏", "静", "婷婷", "欣怡", "浩然", "雨涵", "梓涵", "思远",
                             "丽娟", "晓燕", "俊杰", "雪", "诗琪", "明", "倩", "慧敏", "一诺", "嘉欣", "宇航",
                             "梦瑶", "晨曦", "海燕", "志强", "紫萱", "芳", "颖", "天宇"]
    /// Account nicknames, Chinese first, then the Latin ones some shops use.
    static let nicknames = ["小美", "乐乐", "暖暖", "橘子", "西瓜", "糖糖", "小雨", "阿珍", "果果", "豆豆",
                            "月月", "晴天", "小鹿", "安安", "甜甜", "七七", "木木", "朵朵", "芒果", "小新",
                            "Kiki", "Lily", "Coco", "Momo", "Vivi", "Anna"]

    static let buyerAdjectives = ["快乐的", "迷糊的", "会飞的", "安静的", "爱笑的", "小小的", "勇敢的",
                                  "温柔的", "可爱的", "认真的", "慵懒的", "倔强的"]
    static let buyerNouns = ["柠檬", "棉花糖", "兔子", "小猫", "西柚", "奶茶", "星星", "月亮", "饺子",
                             "鲸鱼", "蘑菇", "桃子", "布丁", "海豚", "松鼠", "草莓"]
    static let latinBuyers = ["tony", "amy", "jack", "cici", "leo", "nana", "kevin", "echo", "sunny", "joe"]

    /// A buyer id drawn from `rng`: `tb` + 11 digits (60%), a Chinese nickname with 4 digits
    /// (30%) or a Latin handle with 5 digits (10%).
    static func buyerID(_ rng: inout SampleRandom) -> String {
        let shape = rng.below(10)
        if shape < 6 {
            return "tb" + digits(rng.int64(in: 10_000_000_000...99_999_999_999), width: 11)
        } else if shape < 9 {
            return rng.pick(buyerAdjectives) + rng.pick(buyerNouns) + digits(Int64(rng.below(10_000)), width: 4)
        } else {
            return rng.pick(latinBuyers) + "_" + digits(Int64(rng.below(100_000)), width: 5)
        }
    }

    /// A person's full name.
    static func personName(_ rng: inout SampleRandom) -> String {
        rng.pick(surnames) + rng.pick(givenNames)
    }

    /// The account nickname of the i-th agent: the pool in order, then numbered (`小美2`).
    static func nickname(_ i: Int) -> String {
        let base = nicknames[i % nicknames.count]
        let round = i / nicknames.count
        return round == 0 ? base : base + String(round + 1)
    }

    /// A non-negative number with leading zeros to `width` digits.
    static func digits(_ n: Int64, width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
