"""Extraction rules on sentences written for the tests (not taken from the seed articles)."""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.extract.clean import join_lines, stories
from kg.extract.context import article_date, infer_source
from kg.extract.segment import split_sentences
from kg.model import Article


def run(text: str, home: str | None = "运城市"):
    return Extractor(home=home)(Article("t.txt", text))


def labels(doc, etype):
    return {e.label for e in doc.entities.values() if e.type == etype}


def rels(doc, p):
    return [r for r in doc.relations if r.p == p]


# --- cleaning and sentences -------------------------------------------------

def test_lines_broken_inside_a_sentence_are_joined_but_headings_and_bylines_are_not():
    text = "# 标题行\n\n本报记者 王小明\n\n全县上下持续推进道路、桥梁、供水等基础\n\n设施建设，确保群众出行便利。"
    out = join_lines(text)
    assert "基础设施建设" in out
    assert "# 标题行\n" in out and "本报记者 王小明\n" in out


def test_page_furniture_is_dropped():
    doc = run("市委书记张建国主持会议。（下转第4版）\n\n会议强调要抓好落实。")
    assert "下转" not in doc.text


def test_stories_split_at_headings():
    text = "# 第一篇\n\n正文一。\n\n## 第二篇\n\n正文二。"
    assert [h for _, _, h in stories(text)] == ["第一篇", "第二篇"]


def test_sentence_offsets_point_into_the_text():
    text = "县长李刚到场。他说：“好！”随后离开。"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["县长李刚到场。", "他说：“好！”", "随后离开。"]


# --- context ----------------------------------------------------------------

def test_home_city_inferred_from_its_counties_when_the_paper_says_we():
    assert infer_source("我市盐湖区召开会议，永济市、芮城县参加。运城市有关部门出席。").place == "运城市"


def test_a_text_that_only_names_places_has_no_home():
    src = infer_source("盐湖区召开会议，永济市、芮城县参加。运城市有关部门出席。")
    assert src.place is None and src.level == "unknown"


def test_article_date_is_latest_full_date():
    assert article_date("2019年1月2日签约，2020年12月30日竣工") == "2020-12-30"


# --- persons and titles -----------------------------------------------------

def test_bylines_with_text_and_photo_credits_and_a_reported_by_line():
    doc = run("文/图 赵六\n\n本报通讯员 王五报道：会议召开。")
    assert {"赵六", "王五"} <= {r.s for r in rels(doc, "reported")}


def test_compound_title_gives_one_position_per_role_with_its_body():
    doc = run("市委副书记、市长王建军来到盐湖区调研。")
    pos = {(r.role, r.org) for r in rels(doc, "holdsPosition") if r.s == "王建军"}
    assert ("副书记", "中共运城市委员会") in pos
    assert ("市长", "运城市人民政府") in pos


def test_list_of_names_after_one_title():
    doc = run("市领导赵丽梅、孙立新参加活动。")
    people = labels(doc, "Person")
    assert {"赵丽梅", "孙立新"} <= people
    assert {(r.s, r.org) for r in rels(doc, "holdsPosition")} >= {("赵丽梅", "运城市"), ("孙立新", "运城市")}


def test_compound_surname_and_title_sharing_a_body():
    doc = run("县政协党组书记、主席欧阳明辉主持会议。", home="运城市")
    assert "欧阳明辉" in labels(doc, "Person")
    roles = {r.role for r in rels(doc, "holdsPosition") if r.s == "欧阳明辉"}
    assert roles == {"党组书记", "主席"}


def test_a_degree_introduces_a_name_but_is_no_post():
    doc = run("运城学院教授、博士王立来到运城市盐湖区作讲座。")
    assert {(r.s, r.role) for r in rels(doc, "holdsPosition")} == {("王立", "教授")}


def test_transcribed_names_with_a_dot_spaced_bylines_and_a_surname_glued_to_the_given_name():
    doc = run("本报讯（记者 马 丽 通讯员 李 刚）州长巴赫特·苏尔坦、自治区政协副主席阿依古丽·艾买提出席。省商务厅厅长王家春参加。")
    people = labels(doc, "Person")
    assert {"马丽", "李刚", "巴赫特·苏尔坦", "阿依古丽·艾买提", "王家春"} <= people
    assert {"马丽", "李刚"} <= {r.s for r in rels(doc, "reported")}


def test_a_city_named_before_a_government_title_is_its_seat_even_far_from_home():
    doc = run("太原市副市长韩瑞娟、芮城县副县长王立参加活动。", home="运城市")
    posts = {(r.s, r.org) for r in rels(doc, "holdsPosition")}
    assert {("韩瑞娟", "太原市人民政府"), ("王立", "芮城县人民政府")} <= posts


def test_acting_heads_and_roles_joined_by_jian():
    doc = run("芮城县召开会议。县委副书记、代县长王立，运城华泰新材料有限公司董事长兼总经理张华出席。")
    posts = {(r.s, r.role, r.org) for r in rels(doc, "holdsPosition")}
    assert {("王立", "副书记", "中共芮城县委员会"), ("王立", "代县长", "芮城县人民政府"),
            ("张华", "董事长", "运城华泰新材料有限公司"), ("张华", "总经理", "运城华泰新材料有限公司")} <= posts


def test_villagers_named_before_an_honorific_or_after_a_rural_role():
    doc = run("72岁的张秀英老人笑着说，日子越过越好。种植大户孙丽萍算了一笔账。全村老人都来了。")
    assert labels(doc, "Person") == {"张秀英", "孙丽萍"}


def test_former_post():
    doc = run("原市人大常委会副主任周志强接受审查。")
    r = [r for r in rels(doc, "holdsPosition") if r.s == "周志强"]
    assert r and r[0].former


def test_reporters_from_bylines_get_reported_not_a_position():
    doc = run("本报讯（记者 钱晓东 通讯员 孔令辉）盐湖区近日开工。\n\n刘思远 摄")
    rep = {r.s for r in rels(doc, "reported")}
    assert {"钱晓东", "孔令辉", "刘思远"} <= rep
    assert not [r for r in rels(doc, "holdsPosition") if r.s in rep]


def test_common_words_after_a_title_are_not_names():
    doc = run("市长高度重视安全生产工作。")
    assert "高度" not in labels(doc, "Person")


def test_a_name_that_is_also_a_word_where_a_person_acts_but_not_where_it_is_the_word():
    doc = run("市委书记温暖一行深入盐湖区调研。温暖强调，要让群众感到温暖。")
    people = [m for m in doc.mentions if m.type == "Person"]
    assert [m.start for m in people] == [4, 16]
    assert ("温暖", "盐湖区") in {(r.s, r.o) for r in rels(doc, "inspected")}


# --- agencies ---------------------------------------------------------------

@pytest.mark.parametrize("surface,canonical", [
    ("市委", "中共运城市委员会"),
    ("市政府", "运城市人民政府"),
    ("市政协", "中国人民政治协商会议运城市委员会"),
    ("市人大常委会", "运城市人民代表大会常务委员会"),
    ("市卫健委", "运城市卫生健康委员会"),
    ("盐湖区工信局", "运城市盐湖区工业和信息化局"),
    ("芮城县人社局", "芮城县人力资源和社会保障局"),
    ("省委", "中共山西省委员会"),
])
def test_short_forms_expand_to_canonical_names(surface, canonical):
    doc = run(f"会议由{surface}召开。")
    ent = [e for e in doc.entities.values() if e.type == "Agency"]
    assert [e.label for e in ent] == [canonical]
    assert surface in ent[0].aliases


def test_a_zones_party_working_committee_and_administrative_committee():
    doc = run("运城经济技术开发区党工委书记、管委会主任王立出席。")
    posts = {(r.role, r.org) for r in rels(doc, "holdsPosition") if r.s == "王立"}
    assert posts == {("书记", "中共运城经济技术开发区工作委员会"), ("主任", "运城经济技术开发区管理委员会")}


def test_a_party_organ_named_bare_in_a_compound_title_is_the_committees():
    doc = run("芮城县召开会议。县委常委、组织部部长王立出席。")
    posts = {(r.role, r.org) for r in rels(doc, "holdsPosition") if r.s == "王立"}
    assert posts == {("常委", "中共芮城县委员会"), ("部长", "中共芮城县委员会组织部")}


def test_prefectures_leagues_and_banners_and_county_level_city_mayors():
    doc = run("州委书记金寿浩，州长胡玉亭出席。和龙市市长王立讲话。", home="延边朝鲜族自治州")
    posts = {(r.s, r.org) for r in rels(doc, "holdsPosition")}
    assert {("金寿浩", "中共延边朝鲜族自治州委员会"), ("胡玉亭", "延边朝鲜族自治州人民政府"), ("王立", "和龙市人民政府")} <= posts
    doc = run("盟委书记王强，阿巴嘎旗旗长张华参加。", home="锡林郭勒盟")
    posts = {(r.s, r.org) for r in rels(doc, "holdsPosition")}
    assert {("王强", "中共锡林郭勒盟委员会"), ("张华", "阿巴嘎旗人民政府")} <= posts
    doc = run("恩施州委书记李明出席。", home="宜昌市")
    assert ("李明", "中共恩施土家族苗族自治州委员会") in {(r.s, r.org) for r in rels(doc, "holdsPosition")}


def test_a_district_before_a_title_word_jieba_joined_to_its_level_character():
    doc = run("市委书记尹力到朝阳区、海淀区调研。朝阳区委书记刘志明、区长王立参加。海淀区长张华出席。", home="北京市")
    posts = {(r.s, r.org) for r in rels(doc, "holdsPosition")}
    assert {("刘志明", "中共朝阳区委员会"), ("王立", "朝阳区人民政府"), ("张华", "海淀区人民政府")} <= posts


def test_agency_jurisdiction_and_department_part_of_government():
    doc = run("市政府召开常务会议，市发改委、市财政局汇报工作。")
    assert ("运城市发展和改革委员会", "运城市") in {(r.s, r.o) for r in rels(doc, "jurisdiction")}
    assert ("运城市财政局", "运城市人民政府") in {(r.s, r.o) for r in rels(doc, "partOf")}


def test_discipline_investigation():
    doc = run("芮城县水利局原局长马向东涉嫌严重违纪违法，目前正接受芮城县纪委监委纪律审查和监察调查。")
    assert ("马向东", "芮城县纪委监委") in {(r.s, r.o) for r in rels(doc, "investigatedBy")}


# --- places -----------------------------------------------------------------

def test_divisions_towns_and_villages_with_their_parents():
    doc = run("记者来到芮城县风陵渡镇西王村采访。")
    places = labels(doc, "Place")
    assert {"芮城县", "风陵渡镇", "西王村", "运城市"} <= places
    part = {(r.s, r.o) for r in rels(doc, "partOf")}
    assert {("风陵渡镇", "芮城县"), ("西王村", "风陵渡镇"), ("芮城县", "运城市")} <= part


def test_zones_belong_to_the_division_they_are_named_after_and_roads_to_the_storys_district():
    doc = run("盐湖区召开城建工作会议。会议要求加快学苑路沿线绿化，推进芮城经济开发区建设。")
    part = {(r.s, r.o) for r in rels(doc, "partOf")}
    assert ("学苑路", "盐湖区") in part
    assert ("芮城经济开发区", "芮城县") in part


def test_bodies_of_a_story_about_a_development_zone_are_located_in_it():
    story = ("## 开发区五年发展综述\n\n"
             "五年来，运城经济开发区坚持项目为王，产业集群加快成势。"
             "新能源领域，运城华泰新材料有限公司扩能投产，盐湖锂电产业园项目签约落户。"
             "此外，运城经济开发区引进了多家配套企业，中科光电有限公司稳健发展。")
    located = {(r.s, r.o) for r in rels(run(story), "locatedIn")}
    assert ("中科光电有限公司", "运城经济开发区") in located
    # a zone only named as the object of a verb does not make the story about it
    other = run("## 市场动态\n\n全市推动运城经济开发区建设，坚决把运城经济开发区打造成高地。中科光电有限公司稳健发展。")
    assert ("中科光电有限公司", "运城经济开发区") not in {(r.s, r.o) for r in rels(other, "locatedIn")}


def test_a_village_name_may_begin_with_a_classifier_character_at_a_clause_start():
    assert "道沟村" in labels(run("战斗打响了。道沟村曾是抗日根据地。"), "Place")


def test_a_place_only_inside_a_bodys_name_is_no_place_of_the_article():
    doc = run("芮城华泰新材料有限公司今年投产。")
    assert "芮城县" not in labels(doc, "Place") and not rels(doc, "locatedIn")
    doc = run("芮城县工业经济稳步增长。芮城华泰新材料有限公司今年投产。")
    assert ("芮城华泰新材料有限公司", "芮城县") in {(r.s, r.o) for r in rels(doc, "locatedIn")}


def test_named_regions_and_the_foot_of_a_mountain():
    doc = run("运城主动融入长三角、对接粤港澳大湾区、服务黄河流域生态保护，从王屋山麓到涑水河畔。")
    assert {"长三角", "粤港澳大湾区", "黄河流域", "王屋山"} <= labels(doc, "Place")


def test_village_names_may_hold_li():
    assert "枣里村" in labels(run("芮城县风陵渡镇枣里村村民王立说，收成很好。"), "Place")


def test_places_in_law_titles_contest_names_and_generic_departments_are_not_entities():
    doc = run("培训会讲解了《中华人民共和国海关法》，运城项目获第十届中国创新创业大赛三等奖，人社部门加强协调。")
    assert "中国" not in labels(doc, "Place")
    assert not labels(doc, "Agency")


def test_a_university_town_is_a_place_even_inside_a_bodys_name():
    doc = run("运城大学城众创空间入驻企业30家，努力让“运城有座大学城”成为现实，高速列车穿城而过。")
    assert "运城大学城" in labels(doc, "Place")
    assert "运城大学城众创空间" in labels(doc, "Organization")
    assert not {p for p in labels(doc, "Place") if "有座" in p or p.endswith("高速")}


def test_roads_named_after_cities_kinds_of_place_and_communities_with_nei_in_their_name():
    doc = run("全区共改造老旧小区42个，涉及学府街、长治路、北京东路等12条街巷。在解州镇南内环社区，施工正忙。")
    places = labels(doc, "Place")
    assert {"长治路", "北京东路", "南内环社区"} <= places
    assert not {"长治市", "北京市", "老旧小区"} & places


def test_projects_a_district_plans_in_its_own_clause_are_in_it():
    doc = run("盐湖区工信局局长王立表示，盐湖区将集中力量推进盐湖锂电产业园项目、中条山光伏电站等项目。全市推进运城机场改扩建工程。")
    located = {(r.s, r.o) for r in rels(doc, "locatedIn")}
    assert ("盐湖锂电产业园项目", "盐湖区") in located
    assert not any(s == "运城机场改扩建工程" and o == "盐湖区" for s, o in located)


def test_a_body_or_project_that_lies_in_a_place_named_after_it():
    doc = run("运城华泰新材料有限公司位于盐湖区解州镇，主要生产碳纤维。盐湖锂电产业园项目选址于运城经济技术开发区。")
    located = {(r.s, r.o) for r in rels(doc, "locatedIn")}
    assert {("运城华泰新材料有限公司", "解州镇"), ("盐湖锂电产业园项目", "运城经济技术开发区")} <= located


def test_foreign_countries_and_cities():
    doc = run("班列从运城出发，开往哈萨克斯坦阿拉木图。")
    assert {"哈萨克斯坦", "阿拉木图"} <= labels(doc, "Place")


def test_short_county_names_outside_the_home_province_are_not_guessed():
    doc = run("朝阳产业蓬勃发展，城区一片繁忙。", home="运城市")
    assert "朝阳区" not in labels(doc, "Place") and "朝阳市" not in labels(doc, "Place")


def test_a_road_after_yan_along_is_named_without_it():
    assert {"人民路", "解放路"} <= labels(run("车队沿人民路、解放路向东行驶。"), "Place")


def test_roads_named_by_ordinary_nouns_and_route_words_kept_out_of_names():
    doc = run("新建道路位于运城市区，东至解放路，西起人民路，紧邻学苑东路，下穿北环快速路后接入运风高速。")
    places = labels(doc, "Place")
    assert {"解放路", "人民路", "学苑东路", "北环快速路", "运风高速"} <= places
    assert not any(p.startswith(("东至", "西起", "紧邻", "穿", "新建")) or p == "道路" for p in places)


def test_kinds_of_road_and_figures_of_speech_are_not_roads():
    doc = run("运城经济高速发展，城市道路和主干路网不断完善，走出一条发展新路，思路更加清晰。"
              "打通断头路，修好产业路、旅游路和致富路。")
    assert not {p for p in labels(doc, "Place") if p.endswith(("路", "高速", "街"))}


def test_districts_ending_in_lin_keep_their_short_form():
    doc = run("太原市万柏林人才公寓开工，碑林区代表团参观。", home="太原市")
    assert "万柏林区" in labels(doc, "Place") and "柏林" not in labels(doc, "Place")


# --- organisations and projects --------------------------------------------

def test_company_school_and_hospital_names():
    doc = run("山西晋南钢铁集团有限公司与运城学院、运城市中心医院签署合作协议。")
    orgs = labels(doc, "Organization")
    assert {"山西晋南钢铁集团有限公司", "运城学院", "运城市中心医院"} <= orgs
    assert rels(doc, "partnerOf")


def test_kinds_of_body_are_not_bodies_unless_a_place_names_them():
    doc = run("全市建成国家级科技企业孵化器2家、新时代文明实践站120个，南关社区新时代文明实践站投用。")
    orgs = labels(doc, "Organization")
    assert "南关社区新时代文明实践站" in orgs
    assert not {"科技企业孵化器", "国家级科技企业孵化器", "新时代文明实践站"} & orgs


def test_body_names_keep_the_province_and_drop_a_counts_classifier():
    doc = run("依托山西中条山国家级自然保护区、山西省血液中心和山西省氢能产业联盟，选派12名省科技特派员服务团成员。")
    orgs = labels(doc, "Organization")
    assert {"山西中条山国家级自然保护区", "山西省血液中心", "山西省氢能产业联盟", "山西省科技特派员服务团"} <= orgs


def test_two_fields_joined_by_yu_stay_in_one_name_but_two_bodies_stay_two():
    doc = run("河东大学考古与博物馆学系、乡村治理研究院和现代农业装备研究院举办讲座。运城学院与河东大学签约。")
    orgs = labels(doc, "Organization")
    assert {"河东大学考古与博物馆学系", "乡村治理研究院", "现代农业装备研究院", "运城学院", "河东大学"} <= orgs
    assert not any(o.startswith("运城学院与") for o in orgs)


def test_a_bare_city_prefix_names_the_home_citys_body_and_youth_words_stay_in_names():
    doc = run("省科协主席王立一行深入运城博雅少年科普教育基地、市科技馆、运城老年大学调研。")
    orgs = labels(doc, "Organization")
    assert {"运城博雅少年科普教育基地", "运城市科技馆", "运城老年大学"} <= orgs
    assert "运城市科技馆" in {r.o for r in rels(doc, "inspected")}


def test_items_of_a_list_of_media_or_complexes_are_bodies_but_sectors_are_not():
    doc = run("中经社、人民网、运城电视台、今日头条、运城日报等中央、省、市媒体参加。依托青禾汇、银泰等商业综合体打造生活广场。"
              "新材料、生物医药等领域高新技术企业纷纷与高校合作。")
    orgs = labels(doc, "Organization")
    assert {"中国经济信息社", "人民网", "今日头条", "青禾汇", "银泰"} <= orgs
    assert not {"新材料", "生物医药"} & orgs


def test_connectives_jieba_glues_to_a_name_are_not_part_of_it():
    doc = run("值班人员一夜未眠。特别是在物流园区的指挥中心，大家更忙。")
    assert not any(o.startswith("特别") for o in labels(doc, "Organization") | labels(doc, "Place"))


def test_project_undertaken_by_the_company_in_its_name():
    doc = run("运城华泰新材料年产5万吨碳纤维项目正式开工。")
    projects = labels(doc, "Project")
    assert any(p.endswith("碳纤维项目") for p in projects)


def test_project_names_leave_out_the_verb_before_a_number_and_a_verbs_complement():
    doc = run("村里投资建设200千瓦渔光互补电站。我们将做强做优运城空港物流园二期工程。")
    assert {"200千瓦渔光互补电站", "运城空港物流园二期工程"} <= labels(doc, "Project")


def test_a_research_team_undertakes_the_project_named_after_it():
    doc = run("运城学院团队智慧农业大数据平台项目今年落地。")
    assert "智慧农业大数据平台项目" in labels(doc, "Project")
    assert ("运城学院", "智慧农业大数据平台项目") in {(r.s, r.o) for r in rels(doc, "undertakes")}


def test_a_company_written_before_its_project_owns_it_and_names_it():
    doc = run("3月5日，华泰股份年产20万吨电解铝+10万吨高端铝材项目成功签约。")
    assert "华泰股份" in labels(doc, "Organization")
    project = next(e for e in doc.entities.values() if e.type == "Project")
    assert project.label == "华泰股份年产20万吨电解铝+10万吨高端铝材项目"
    assert "年产20万吨电解铝+10万吨高端铝材项目" in project.aliases
    assert ("华泰股份", project.label) in {(r.s, r.o) for r in rels(doc, "undertakes")}


def test_partners_of_a_joint_technology_are_bodies_that_undertake_it():
    doc = run("其中，华晋焦煤与西安理工大学合作的高效洗选煤制备技术已投用，运城环科与中科院、河东大学合作的“黄河湿地生态修复关键技术及应用”项目落地。")
    orgs = labels(doc, "Organization")
    assert {"华晋焦煤", "西安理工大学", "运城环科", "中国科学院", "河东大学"} <= orgs
    projects = labels(doc, "Project")
    assert "高效洗选煤制备技术" in projects
    owners = {(r.s, r.o) for r in rels(doc, "undertakes")}
    assert ("华晋焦煤", "高效洗选煤制备技术") in owners and ("西安理工大学", "高效洗选煤制备技术") in owners
    assert {"运城环科", "中国科学院", "河东大学"} <= {s for s, o in owners if o.startswith("黄河湿地生态修复关键技术及应用")}


def test_items_of_a_counted_list_of_projects_are_projects():
    doc = run("3月28日，运城空港共享储能电站（一期）、闻喜县城供水管网建设、夏县生态治理3个重大项目集中开工。")
    assert {"运城空港共享储能电站（一期）", "闻喜县城供水管网建设", "夏县生态治理"} <= labels(doc, "Project")


def test_works_on_a_named_road_and_numbered_plots_are_projects_but_funding_programmes_are_not():
    doc = run("运城又一条主干道开工 学苑东路建设加快推进。盐湖区棚户区改造运城花园项目地块三项目开工。获批省自然科学研究计划项目5项。")
    projects = labels(doc, "Project")
    assert "学苑东路建设" in projects and "学苑东路" not in labels(doc, "Place")   # only inside a name
    assert any(p.endswith("地块三项目") for p in projects)
    assert not any(p.endswith("计划项目") for p in projects)


def test_a_company_inside_a_project_phrase_is_its_own_body_and_a_list_ends_before_its_deng():
    doc = run("在山西运城华东新材料有限公司年产5万吨高性能纤维项目现场，他详细了解进展。要加快中条大道拓宽改造、盐湖公园、古城保护利用等5个重大项目建设。")
    assert "山西运城华东新材料有限公司" in labels(doc, "Organization")
    owners = {(r.s, r.o) for r in rels(doc, "undertakes")}
    assert any(s == "山西运城华东新材料有限公司" and o.endswith("年产5万吨高性能纤维项目") for s, o in owners)
    projects = labels(doc, "Project")
    assert "古城保护利用" in projects and not any(p.endswith("等") for p in projects)


def test_a_project_with_its_investment_both_signing_bodies_and_where_this_project_is():
    doc = run("活动中，运城重型机械有限公司与哈萨克斯坦国家铁路公司签约总投资8亿元的轨道交通装备合作项目。该项目位于运城市盐湖区。")
    assert "轨道交通装备合作项目" in labels(doc, "Project")
    owners = {s for s, o in ((r.s, r.o) for r in rels(doc, "undertakes")) if o == "轨道交通装备合作项目"}
    assert owners == {"运城重型机械有限公司", "哈萨克斯坦国家铁路公司"}
    assert ("轨道交通装备合作项目", "盐湖区") in {(r.s, r.o) for r in rels(doc, "locatedIn")}


def test_a_quoted_name_said_to_be_a_project_is_one_and_the_body_that_built_it_undertakes_it():
    doc = run("“暖心驿站”“连心小屋”服务深受欢迎。“连心小屋”是南关社区新时代文明实践站重点打造的一个志愿服务项目。")
    assert "连心小屋" in labels(doc, "Project") and "暖心驿站" not in labels(doc, "Project")
    assert ("南关社区新时代文明实践站", "连心小屋") in {(r.s, r.o) for r in rels(doc, "undertakes")}


def test_a_town_before_a_company_is_where_it_is_and_owners_after_you_are_passive():
    doc = run("王立来到盐湖区解州镇华泰集团总部调研。运城北站枢纽工程由运城交通投资集团有限公司与山西铁路投资集团有限公司共同投资建设。")
    assert "华泰集团" in labels(doc, "Organization") and "解州镇" in labels(doc, "Place")
    assert ("华泰集团", "解州镇") in {(r.s, r.o) for r in rels(doc, "locatedIn")}
    owners = {r.s for r in rels(doc, "undertakes") if r.o == "运城北站枢纽工程"}
    assert owners == {"运城交通投资集团有限公司", "山西铁路投资集团有限公司"}


def test_two_fields_joined_by_he_stay_in_one_project_name_but_not_two_bodies():
    doc = run("在产业链上游推进运城煤矿和石料矿山扩能项目。华泰公司和运城学院建设研发中心项目。")
    projects = labels(doc, "Project")
    assert "运城煤矿和石料矿山扩能项目" in projects
    assert not any("和运城学院" in p or p.startswith("华泰公司和") for p in projects | labels(doc, "Organization"))


def test_demonstration_projects_with_latin_letters_and_a_plus():
    assert "5G+智慧矿山示范项目" in labels(run("全市新建5G基站1200个，实施5G+智慧矿山示范项目。"), "Project")


def test_a_counted_kind_of_project_is_not_a_project():
    doc = run("全市今年建成社区幸福工程12个，计划申报省重点研发项目4项，引进新能源产业园等链主项目。")
    assert not {p for p in labels(doc, "Project") if p.endswith(("幸福工程", "研发项目", "链主项目"))}


def test_campaigns_are_not_projects():
    doc = run("全市深入开展安全生产专项行动，推进民生工程。")
    assert not labels(doc, "Project")


def test_list_items_share_the_first_items_prefix():
    doc = run("代表们参观了运城市美术馆、博物馆和档案馆。")
    assert {"运城市美术馆", "运城市博物馆"} <= labels(doc, "Organization")


def test_places_chained_before_a_company_are_entities_and_the_bare_name_an_alias():
    doc = run("芮城县风陵渡镇宏达煤业积极复工。")
    org = [e for e in doc.entities.values() if e.type == "Organization"]
    assert org and "宏达煤业" in {org[0].label, *org[0].aliases}
    assert "芮城县" in labels(doc, "Place")


def test_project_investment_status_and_date():
    doc = run("2023年5月8日，运城华泰新材料年产5万吨碳纤维项目开工，项目总投资12亿元。")
    proj = [e for e in doc.entities.values() if e.type == "Project"]
    assert proj
    attrs = proj[0].attrs
    assert attrs["investment"] == "12亿元"
    assert attrs["capacity"] == "5万吨"
    assert attrs["status"] == "started" and attrs["date"] == "2023-05-08"


def test_fact_dates_complete_month_and_day_with_the_article_year():
    doc = run("2022年12月30日电 12月10日，市委书记王建军来到盐湖区调研。")
    pos = [r for r in rels(doc, "holdsPosition") if r.s == "王建军"]
    assert pos and pos[0].date == "2022-12-10"


def test_career_sentences_give_former_posts_with_years():
    doc = run("乔大为，男，1965年11月出生。历任芮城县副县长、运城市财政局局长，2016年任运城市人民政府副秘书长。")
    posts = {(r.role, r.org, r.former, r.start) for r in rels(doc, "holdsPosition") if r.s == "乔大为"}
    assert ("副县长", "芮城县人民政府", True, None) in posts
    assert ("局长", "运城市财政局", True, None) in posts
    assert ("副秘书长", "运城市人民政府", True, "2016") in posts


def test_career_posts_of_a_town_party_committee_and_yuan_between_body_and_title():
    doc = run("临猗县政协原副主席赵立群涉嫌严重违纪违法。赵立群，男，1966年出生，历任临猗县角杯乡党委书记、临猗县水利局局长。")
    posts = {(r.role, r.org, r.former) for r in rels(doc, "holdsPosition") if r.s == "赵立群"}
    assert ("副主席", "中国人民政治协商会议临猗县委员会", True) in posts
    assert ("书记", "中共角杯乡委员会", True) in posts
    assert ("局长", "临猗县水利局", True) in posts


def test_appointment_notices_give_posts_taken_and_left():
    doc = run("运城市人大常委会决定：任命王立为运城市财政局局长；免去张华的运城市水利局局长职务。"
              "赵刚同志任中共芮城县委书记，免去其运城市发改委主任职务。")
    posts = {(r.s, r.role, r.org, r.former) for r in rels(doc, "holdsPosition")}
    assert {("王立", "局长", "运城市财政局", False), ("张华", "局长", "运城市水利局", True),
            ("赵刚", "书记", "中共芮城县委员会", False), ("赵刚", "主任", "运城市发展和改革委员会", True)} <= posts


def test_dated_resume_lines_keep_their_own_lines_and_years():
    doc = run("乔大为简历：\n2008.03—2012.06 芮城县人民政府副县长\n2012.06—2016.01 运城市财政局局长")
    posts = {(r.role, r.org, r.start, r.end) for r in rels(doc, "holdsPosition") if r.s == "乔大为"}
    assert posts >= {("副县长", "芮城县人民政府", "2008-03", "2012-06"), ("局长", "运城市财政局", "2012-06", "2016-01")}


def test_government_title_after_a_county_names_its_government():
    doc = run("芮城县副县长马立群到会讲话。")
    assert ("副县长", "芮城县人民政府") in {(r.role, r.org) for r in rels(doc, "holdsPosition") if r.s == "马立群"}


def test_deictic_place_and_accompanying_officials_attend_the_same_event():
    doc = run("12月1日，省科协党组书记马立群在我市调研。市领导赵丽梅、孙立新参加。")
    assert ("马立群", "运城市") in {(r.s, r.o) for r in rels(doc, "inspected")}
    assert {("赵丽梅", "运城市"), ("孙立新", "运城市")} <= {(r.s, r.o) for r in rels(doc, "attended")}
    home = doc.entities[("Place", "运城市")]
    assert "我市" not in home.aliases


def test_visits_follow_motion_verbs_and_continue_in_the_next_sentence_but_not_in_speech():
    doc = run("3月2日，市长王建军来到芮城县风陵渡镇调研。随后，他还走进运城华泰新材料有限公司。"
              "他强调，要深入贯彻落实省委、省政府部署。")
    visits = {(r.s, r.o) for r in rels(doc, "inspected")}
    assert ("王建军", "风陵渡镇") in visits
    assert ("王建军", "运城华泰新材料有限公司") in visits
    assert not {o for s, o in visits if o.startswith("中共")}


def test_officials_quoted_in_study_slogans_did_not_visit():
    doc = run("会议要求认真学习贯彻习近平总书记关于防汛救灾的重要指示，市委书记王建军来到运城市应急管理局调研。")
    subjects = {r.s for r in rels(doc, "inspected")}
    assert subjects == {"王建军"}


def test_items_of_a_project_list_are_projects_but_companies_stay_companies():
    doc = run("今年将推进华泰碳纤维产业园、风陵渡黄河大桥改造和永济光伏储能电站等重点项目，晋南钢铁集团等企业参与。")
    projects = labels(doc, "Project")
    assert {"华泰碳纤维产业园", "风陵渡黄河大桥改造", "永济光伏储能电站"} <= projects
    assert not any("推进" in p for p in projects)


def test_villages_of_a_town_story_and_streets_of_the_storys_county_or_the_home_city():
    doc = run("芮城县风陵渡镇是黄河岸边的古镇。\n\n在西王村，村民正在晾晒柿饼。新修的中条大街也已通车。")
    part = {(r.s, r.o) for r in rels(doc, "partOf")}
    assert ("西王村", "风陵渡镇") in part
    assert ("中条大街", "芮城县") in part
    assert ("中条大街", "运城市") in {(r.s, r.o) for r in rels(run("新修的中条大街也已通车。"), "partOf")}


def test_partners_joined_by_a_real_connector_and_bodies_named_at_a_projects_start():
    doc = run("运城市图书馆携手临汾市图书馆、晋城市图书馆签署共建协议。运城学院、运城职业技术大学、运城幼儿师范高等专科学校参加。")
    pairs = {tuple(sorted((r.s, r.o))) for r in rels(doc, "partnerOf")}
    assert ("临汾市图书馆", "运城市图书馆") in pairs and ("临汾市图书馆", "晋城市图书馆") in pairs
    assert not any("运城学院" in p for p in pairs)
    doc = run("将加快运城华泰新材料有限公司年产5万吨碳纤维扩能、风陵渡黄河大桥改造等重点项目建设。")
    assert "运城华泰新材料有限公司" in labels(doc, "Organization")
    assert any(r.s == "运城华泰新材料有限公司" for r in rels(doc, "undertakes"))


def test_an_article_from_another_province():
    text = ("本报讯（记者 陈静）11月20日，市委书记刘捷来到余杭区调研。随后来到临平区塘栖镇丁山河村，察看美丽乡村建设。"
            "总投资50亿元的杭州城西科创大走廊智能制造产业园项目正式开工。")
    doc = Extractor()(Article("zj.txt", text))
    assert doc.home == "杭州市" and doc.province == "浙江省"
    assert ("书记", "中共杭州市委员会") in {(r.role, r.org) for r in rels(doc, "holdsPosition")}
    assert {"余杭区", "临平区", "塘栖镇", "丁山河村"} <= labels(doc, "Place")
    assert not any(p.startswith("美丽") for p in labels(doc, "Place"))
    assert any(p.endswith("智能制造产业园项目") for p in labels(doc, "Project"))


def test_mountains_and_rivers_by_suffix_and_a_byline_at_a_paragraph_end_is_kept_apart():
    doc = run("近日，芮城县在中条山、涑水河沿线开展巡查。 记者 钱晓东 通讯员 孔令辉\n\n党群服务中心办起暖心事")
    assert {"中条山", "涑水河"} <= labels(doc, "Place")
    assert {"钱晓东", "孔令辉"} <= {r.s for r in rels(doc, "reported")}


def test_bodies_in_the_titles_of_listed_speakers_are_not_what_they_attended():
    doc = run("座谈会上,运城学院历史研究院院长王立,河东大学考古与博物馆学系教授张华、西安理工大学建筑研究院副院长李明等专家分别发言,介绍了保护经验。")
    assert not {r.o for r in rels(doc, "attended")} & {"河东大学", "运城学院", "西安理工大学"}


def test_a_bare_bureau_is_the_home_citys_and_co_hosts_of_an_event_are_partners():
    doc = run("12月4日，由商务局主办，中国银行运城分行承办的跨境电商培训会召开。")
    assert "运城市商务局" in labels(doc, "Agency")
    pairs = {tuple(sorted((r.s, r.o))) for r in rels(doc, "partnerOf")}
    assert ("中国银行运城分行", "运城市商务局") in pairs


def test_officials_who_speak_at_a_hosted_event_attended_its_hosts_but_not_those_of_the_next_story():
    text = ("运城举办农产品出口对接会\n\n"
            "本报讯 12月4日，由运城市农业农村局主办、中国银行运城分行承办的农产品出口对接会召开。"
            "运城市农业农村局副局长王立表示，对接会为企业搭建了平台。\n\n"
            "中国银行运城分行行长张华表示，将加大信贷支持。\n\n"
            "冬季供暖平稳运行\n\n"
            "运城市住建局局长李明表示，全市供暖运行平稳。")
    attended = {(r.s, r.o) for r in rels(run(text), "attended")}
    assert {("王立", "运城市农业农村局"), ("王立", "中国银行运城分行"), ("张华", "运城市农业农村局")} <= attended
    assert not any(s == "李明" for s, _ in attended)


def test_officials_who_attend_a_meeting_a_county_convened_in_the_sentence_before():
    doc = run("8月4日，芮城县召开乡村振兴工作推进会。县委书记王立出席并讲话，县长张华主持。")
    attended = {(r.s, r.o) for r in rels(doc, "attended")}
    assert {("王立", "芮城县"), ("张华", "芮城县")} <= attended


def test_a_visit_after_a_name_jieba_glued_to_dao_and_zones_with_long_kind_names():
    doc = run("市委书记张华到芮城县检查指导防汛工作。副市长李明先后来到运城经济技术开发区、运城高新技术产业开发区。")
    assert "张华" in labels(doc, "Person")
    visits = {(r.s, r.o) for r in rels(doc, "inspected")}
    assert {("张华", "芮城县"), ("李明", "运城经济技术开发区"), ("李明", "运城高新技术产业开发区")} <= visits


def test_anonymised_names_name_no_one():
    """张某, 王某某 keep a person's name back: no named person, as the annotation guide counts people."""
    doc = run("经运城市纪委常委会会议研究，决定给予张某开除党籍处分。运城市纪委监委依法对王某某采取留置措施。")
    assert not labels(doc, "Person") and not rels(doc, "investigatedBy")


def test_officials_at_a_numbered_session_attend_the_standing_body_and_a_name_before_deng_stays_whole():
    doc = run("本报讯（记者 林晓峰）1月10日上午，中国人民政治协商会议运城市第十届委员会第三次会议在运城会议中心开幕。"
              "市委书记卢东亮，市政协主席常恩平等出席开幕会。常恩平代表政协运城市第十届委员会常务委员会作工作报告。")
    assert "常恩平" in labels(doc, "Person")
    assert labels(doc, "Agency") >= {"中国人民政治协商会议运城市委员会"}
    assert not any("第十届" in a for a in labels(doc, "Agency"))
    attended = {(r.s, r.o) for r in rels(doc, "attended")}
    assert {("卢东亮", "中国人民政治协商会议运城市委员会"), ("常恩平", "中国人民政治协商会议运城市委员会")} <= attended


def test_a_visit_named_at_the_sentence_start_and_a_lecture_is_attended_not_inspected():
    doc = run("市委书记王立赴芮城县调研。在芮城县华泰新材料有限公司，王立认真听取情况介绍。"
              "在芮城县风陵渡镇西王村，王立走进果园察看。河东大学教授张华走进盐湖区解州镇，以“关公文化”为题作讲座。")
    visits = {(r.s, r.o) for r in rels(doc, "inspected")}
    assert {("王立", "芮城县华泰新材料有限公司"), ("王立", "西王村")} <= visits
    assert ("王立", "风陵渡镇") not in visits
    assert ("张华", "解州镇") in {(r.s, r.o) for r in rels(doc, "attended")}
    assert not any(s == "张华" for s, _ in visits)


def test_negated_events_give_no_fact():
    doc = run("市长王建军因故未出席运城市安全生产委员会会议。")
    assert not rels(doc, "attended")


def test_the_owner_of_a_project_is_the_subject_of_its_verb():
    doc = run("山西晋南钢铁集团有限公司投资建设运城高端不锈钢板材项目。运城市工信局局长王立表示，要加快推进闻喜铝镁合金产业园项目。")
    owners = {(r.s, r.o) for r in rels(doc, "undertakes")}
    assert ("山西晋南钢铁集团有限公司", "运城高端不锈钢板材项目") in owners
    assert not any(s.endswith("工业和信息化局") for s, _ in owners)


def test_short_name_of_a_company_named_in_full_is_an_alias():
    doc = run("运城华泰新材料有限公司今年投产。华泰公司负责人表示，明年将扩产。")
    orgs = [e for e in doc.entities.values() if e.type == "Organization"]
    assert [o.label for o in orgs] == ["运城华泰新材料有限公司"]
    assert "华泰公司" in orgs[0].aliases


def test_an_unpunctuated_headline_stays_apart_from_the_story_under_it():
    doc = run("运城市财政局原局长马向东接受纪律审查和监察调查\n\n运城市财政局原局长马向东涉嫌严重违纪违法，目前正接受运城市纪委监委纪律审查和监察调查。")
    assert doc.text.startswith("运城市财政局原局长马向东接受纪律审查和监察调查\n")
    ev = [r.sentence.text for r in rels(doc, "investigatedBy")]
    assert ev and all(not t.startswith("运城市财政局原局长马向东接受") or t.endswith("调查") for t in ev)


def test_items_of_a_list_of_companies_or_schools_are_organisations():
    doc = run("晋南制药、华泰新材料、宏达物流等企业先后落户。活动邀请运城学院、运城职业技术大学等高校参加。")
    assert {"晋南制药", "华泰新材料", "宏达物流", "运城学院"} <= labels(doc, "Organization")


def test_a_town_belongs_to_the_county_named_in_its_own_sentence():
    doc = run("盐湖区召开会议。\n\n风陵渡镇是芮城县的制造业大镇，镇里新建了两座工厂。")
    assert ("风陵渡镇", "芮城县") in {(r.s, r.o) for r in rels(doc, "partOf")}
