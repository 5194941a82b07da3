"""The person rules, one at a time: each finds the names its clue marks, and only those."""
from __future__ import annotations

import pytest

from kg.extract.spans import Candidate
from kg.extract.titles import title_phrase


@pytest.mark.parametrize("rule,text,expected", [
    # a title phrase before one name or a list of names
    ("person.title", "东山县副县长王建华出席会议。", ["王建华"]),
    ("person.title", "副县长李明、赵刚出席会议。", ["李明", "赵刚"]),
    ("person.title", "县委书记高度重视此事。", []),                 # a common word after a title is no name
    ("person.title", "有请本刊主编来宣布获奖名单。", []),          # a verb after a title (来|宣布) is no name
    ("person.title", "有请本刊主编来晓峰宣布获奖名单。", ["来晓峰"]),
    ("person.title", "副总经理濮文涛表示，新厂明年投产。", ["濮文涛"]),   # a rarer surname
    ("person.title", "该国国防部长萨维奥访问了东山县。", ["萨维奥"]),       # a transliteration after a title
    ("person.title", "该国外交部副部长阿纳托利斯捷潘诺维奇昨天抵达东山县。", ["阿纳托利斯捷潘诺维奇"]),   # to its end
    ("person.title", "请甲集团董事长孙立科先生致辞。", ["孙立科"]),          # the name runs up to 先生
    ("person.title", "请东山县公司总监孙立孙女士致辞。", ["孙立"]),           # ... not over its own surname
    # jieba left the name's last character alone before a pause: the name runs over it, not over a particle
    ("person.title", "东山县协会秘书长钱国如：", ["钱国如"]),
    ("person.title", "出席的有副县长赵明、钱立一。", ["赵明", "钱立一"]),
    ("person.title", "副县长钱立说：", ["钱立"]),
    ("person.title", "文件交给了副县长钱立了。", ["钱立"]),
    ("person.title", "副县长赵明等。", ["赵明"]),
    # reporters after a byline word, also a two-character name written with a space
    ("person.byline", "本报记者 王明 通讯员 李峰\n\n东山县召开会议。", ["王明", "李峰"]),
    ("person.byline", "记者 马 丽\n", ["马丽"]),
    ("person.byline", "记者来到现场采访。", []),
    # reporters written together, up to a dateline or a credit that ends the byline
    ("person.byline", "本报记者王建华李晓东西安报道", ["王建华", "李晓东"]),
    ("person.byline", "（记者赵明通讯员钱丽芳孙伟）", ["赵明", "钱丽芳", "孙伟"]),
    ("person.byline", "晚报记者周明发自武汉、长沙", ["周明"]),
    ("person.byline", "晚报记者郑佳慧文/摄", ["郑佳慧"]),
    ("person.byline", "摄影师带着相机来到村里。", []),                  # 摄影 only starts a word here
    # photographers on a line of their own before 摄
    ("person.photo-credit", "东山县开展植树活动。\n王明 李峰 摄\n", ["王明", "李峰"]),
    ("person.photo-credit", "他正在拍摄照片。", []),
    # authors in brackets that end a line, not any bracketed name in a sentence
    ("person.signature", "活动取得圆满成功。\n（王明、李峰）\n", ["王明", "李峰"]),
    ("person.signature", "活动在东山县（甲公司）举行。", []),
    # a word for a kind of person before the name
    ("person.context-word", "村民王建华种植了十亩苹果。", ["王建华"]),
    ("person.context-word", "村民高度评价这项工作。", []),
    ("person.context-word", "东山县农民谈今年的收成。", []),            # a verb and a time word, no name
    ("person.context-word", "新赛季球星多纳加盟了球队。村民安排了午饭。", ["多纳"]),
    ("person.context-word", "主教练贝尔托拉奇表示，球队会更好。", ["贝尔托拉奇"]),   # a transliteration read to its end
    # a name with ·: transliteration before the dot, no word of other characters after it
    ("person.context-word", "这部电影改编自作家马克·罗兰同名小说。", ["马克·罗兰"]),
    ("person.context-word", "村民阿依古丽·艾买提说，今年收成好。", ["阿依古丽·艾买提"]),
    ("person.context-word", "他见到了村民的女婿安德烈·罗斯（翻译）。", []),
    ("person.context-word", "国务院发言人约翰•桑德斯表示，会议取得成果。", ["约翰•桑德斯"]),
    # a verb of speech after the name; a common word there is no name
    ("person.speech-verb", "王建华表示，将继续努力。", ["王建华"]),
    ("person.speech-verb", "方面表示，将继续努力。", []),
    ("person.speech-verb", "全镇共计200余人参加了培训。", []),                 # a count, not a name
    ("person.speech-verb", "一位姓李的理财顾问告诉记者，利率还会下调。", []),   # a title alone
    ("person.speech-verb", "东山县副县长周明杰昨日表示，", []),                 # 杰|昨日 is no given name
    ("person.speech-verb", "周明杰昨日表示，工程将于年底完工。", []),
    ("person.speech-verb", "萨维奥表示，球队会更好。意大利表示欢迎。", ["萨维奥"]),
    # jieba left the name's last character alone before the verb: the name runs over it, not over an adverb
    ("person.speech-verb", "对此，而陈立凡表示，工程将于年底完工。", ["陈立凡"]),
    ("person.title", "谈到补贴何时到账，青石市副主任王明敬介绍，资金已经拨付。", ["王明敬"]),
    ("person.title", "东山县副县长赵明还表示，", ["赵明"]),
    ("person.title", "青石市经理孙立等指出，", ["孙立"]),
    ("person.context-word", "不能要求作家都去写小说。", []),          # a verb after the name, no speech
    # who speaks in a transcript: a name before a colon at a line's or a sentence's start
    ("person.speaker", "主持人：请谈谈。\n钱立开：我们要加快进度。", ["钱立开"]),
    ("person.speaker", "注意：今天下雨。张某：我不知道。", []),
    ("person.latin", "导演JohnMiller表示，新片将于明年上映。", ["JohnMiller"]),
    ("person.latin", "队长Anna说，球队状态很好。", ["Anna"]),
    ("person.latin", "Lefebvre认为，双方合作前景广阔。", ["Lefebvre"]),
    ("person.latin", "公司CEO表示，APP将上线。", []),                     # an acronym is no name
    ("person.latin", "该项目采用EPC模式建设。", []),                        # no person's context
    # a form of address or a sex between commas after the name
    ("person.honorific", "王建华先生捐款十万元。", ["王建华"]),
    ("person.honorific", "据资深评估师陶先生介绍，", []),          # a title's end, then a surname alone
    ("person.context-word", "据资深评估师陶文斌介绍，", ["陶文斌"]),
    ("person.honorific", "赵刚，男，1970年出生。", ["赵刚"]),
    ("person.honorific", "女士们、先生们，欢迎光临。", []),
    ("person.honorific", "公司职员孙先生说，银行已经向赵先生道歉。", []),   # a word, then a bare surname
    ("person.honorific", "时任国家总理访问了东山县。", []),                    # an ordinary word is no name
    ("person.speech-verb", "各家银行多表示理解。", []),                         # 银行 is no surname glued to a name
    # people jieba's dictionary knows by name, unless an earlier rule found them
    ("person.dictionary", "我们读了周敦颐的文章。", ["周敦颐"]),
    ("person.dictionary", "村民周敦颐种了苹果。", []),
    # a surname with a form of address, a title or 某 is no name, whatever the clue
    ("person.context-word", "村民张先生种了苹果，律师李某出庭。", []),
    ("person.speech-verb", "刘行长表示，贷款将增加。孙老师说，学生很努力。", []),
    ("person.title", "甲集团董事长吴启吴总致辞。", ["吴启"]),
    # another occurrence of a name found before; a name that is a word only where a person acts
    ("person.repeat", "村民王建华种了苹果，今年王建华的收入增加了。", ["王建华"]),
    ("person.repeat", "村民温暖种了苹果。冬天屋里很温暖。", []),
])
def test_rule_finds_the_names_its_clue_marks(run_rule, rule, text, expected):
    assert run_rule(rule, text).labels == expected


@pytest.mark.parametrize("span,expected", [
    ("敬昨日", True), ("谈今天", True),          # a surname character before a time word
    ("来宣布", True), ("曾承诺", True),          # a verb or adverb before a verb
    ("王国庆", False), ("李永年", False),        # time words of given-name characters are names
    ("王建设", False), ("谢振华", False),
])
def test_a_surname_character_before_an_ordinary_word_may_have_no_given_name(span, expected):
    from kg.extract.persons import no_given_name
    assert no_given_name(span, 0, len(span)) is expected


def test_each_role_of_a_compound_title_is_kept_with_the_name(run_rule):
    made = run_rule("person.title", "东山县委常委、副县长王建华出席会议。")
    assert [[t.role for t in h.titles] for h in made.work.hits if h.cand.rule == "person.title"] == [["常委", "副县长"]]


def test_a_title_written_after_the_name_is_one_of_its_roles(run_rule):
    made = run_rule("person.honorific", "甲国总统访华期间，赵刚总理会见了他。")
    assert [[t.role for t in h.titles] for h in made.work.hits if h.cand.rule == "person.honorific"] == [["总理"]]


@pytest.mark.parametrize("rule,text,strong", [
    ("person.title", "副县长李明出席会议。", True),
    ("person.byline", "本报记者 王明\n", True),
    ("person.context-word", "村民王建华种植了苹果。", False),
    ("person.speech-verb", "王建华表示，将继续努力。", False),
])
def test_only_titles_and_credits_beat_the_bodies_they_overlap(run_rule, rule, text, strong):
    hits = [h for h in run_rule(rule, text).work.hits if h.cand.rule == rule]
    assert hits and all(h.strong is strong for h in hits)


def test_a_role_without_a_body_shares_the_body_of_the_role_before_it():
    text = "甲局党组书记、副局长王某"
    body = Candidate(0, 2, "Agency", "甲局")
    titles = title_phrase(text, 10, {2: body})
    assert [(t.role, t.org.label if t.org else None) for t in titles] == [("党组书记", "甲局"), ("副局长", "甲局")]
