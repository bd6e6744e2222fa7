//! Every fact a citizen reads is right for its campaign and says where it comes from
//! (issue 15). The five seed campaigns are read by path, each checked against
//! what its own document says (quoted in the table below).

use vneid_campaign::domain::campaign::Campaign;
use vneid_campaign::domain::guidance::Fact;
use vneid_campaign::domain::handout::HandoutTexts;
use vneid_campaign::domain::pathway::{all_answers, service_key, Case, WhereToGo};
use vneid_campaign::domain::sources::{describe, field_source_label, kind_of, SourceKind, Word};
use vneid_campaign::domain::text::Lang;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn campaign(id: &str) -> Campaign {
    Campaign::from_json(&read(&format!("tests/fixtures/campaigns/{id}.json"))).unwrap_or_else(|e| panic!("{id}: {e:?}"))
}

fn texts(lang: Lang) -> HandoutTexts {
    HandoutTexts::from_locale_json(&read(&format!("locales/{}.json", lang.code()))).unwrap()
}

const SEEDS: [&str; 5] = ["hcm-q3-2023", "tv-duyen-hai-2023", "dn-tam-thuan-2024", "hn-awareness-2022", "hcm-binh-thanh-2023"];

/// What each document says about where to go, per case: the office ids it names, or
/// `None` when it names no place (the page then says so and gives the general rule).
fn expected(campaign: &str, case: Case) -> Option<&'static [&'static str]> {
    use Case::*;
    match (campaign, case) {
        // 2333/KH-BCĐ-CQTT III.6.2: "Đội Cảnh sát QLHC về TTXH … hoặc Công an phường gần nhất";
        // plus "01 Tổ cấp định danh điện tử lưu động".
        ("hcm-q3-2023", Level2WithCard) => Some(&["district-team", "ward-police", "mobile-team"]),
        // IV.1.1: "liên hệ ĐỘI Cảnh sát QLHC về TTXH - Công an cấp huyện, Công an cấp xã nơi gần nhất
        // để làm thủ tục cấp thẻ CCD gắn chip điện tử và tài khoản định danh điện tử mức 2".
        ("hcm-q3-2023", AdultNoCard | AdultLostCard) => Some(&["district-team", "ward-police"]),
        // 110/KH-UBND II.1 and II.2: level-2 intake by the town and commune police; II.3.2:
        // "trường hợp không có thiết bị di động thông minh, Công an thị xã và Công an các xã, phường hỗ trợ".
        ("tv-duyen-hai-2023", Level2WithCard | NoSmartphone) => Some(&["town-police", "commune-police"]),
        // Tam Thuận III.6: under 6 online at dichvucong.bocongan.gov.vn; 6 to 14 and 14+ at the
        // district police ("đến cơ quan Công an quận thu nhận hồ sơ"); IV.2: the ward police
        // "thu nhận, xử lý hồ sơ đăng ký tài khoản định danh điện tử".
        ("dn-tam-thuan-2024", ChildUnder6) => Some(&["mps-portal"]),
        ("dn-tam-thuan-2024", Child6To14 | AdultNoCard | AdultLostCard) => Some(&["district-police"]),
        ("dn-tam-thuan-2024", Level2WithCard) => Some(&["ward-police"]),
        // Hà Nội III.3: guidance "tại cơ quan Công an khi công dân đến làm thủ tục đăng ký tài khoản";
        // V.1: registration "đi từng ngõ, gõ từng nhà".
        ("hn-awareness-2022", Level2WithCard) => Some(&["ward-police", "door-to-door"]),
        // 64/UBND-BCĐ Appendix 1, 2.b: with a valid card the district team or commune police;
        // without one (or lost) the district team by residence; the city office is suspended.
        ("hcm-binh-thanh-2023", Level2WithCard) => Some(&["district-team", "ward-police"]),
        ("hcm-binh-thanh-2023", AdultNoCard | AdultLostCard) => Some(&["district-team"]),
        _ => None,
    }
}

#[test]
fn every_result_names_a_place_the_document_gives_or_says_it_gives_none_with_its_source() {
    let words_vi = texts(Lang::Vi);
    let words = |w: Word| words_vi.raw(w.locale_key());
    for id in SEEDS {
        let c = campaign(id);
        for answers in all_answers() {
            let plan = answers.plan().expect("complete answers");
            let query = answers.to_query();
            match plan.where_to_go(&c) {
                WhereToGo::NoVisit => {
                    assert!(matches!(plan.case, Case::Level1 | Case::ChildHasCard), "{id} {query}: no visit for {:?}", plan.case);
                }
                WhereToGo::Offices { service, offices } => {
                    let ids: Vec<&str> = offices.iter().map(|o| o.id.as_str()).collect();
                    assert_eq!(Some(ids.as_slice()), expected(id, plan.case), "{id} {query}: the places named");
                    for office in offices {
                        let label = field_source_label(&c, office.source.as_ref(), &format!("serves.{}", service_key(service)), Lang::Vi, &words)
                            .unwrap_or_else(|| panic!("{id} {query}: {} has no source for serving {service:?}", office.id));
                        let citation = c.document.citation.as_ref().expect("citation").vi.clone();
                        assert!(label.starts_with("Nguồn: ") && label.contains(&citation) && label.contains("mục"), "{id} {query}: {label}");
                    }
                }
                WhereToGo::NotNamed { rule } => {
                    assert_eq!(expected(id, plan.case), None, "{id} {query}: the document names a place for {:?}", plan.case);
                    let label = describe(rule.basis(), &c, Lang::Vi, &words);
                    assert_ne!(kind_of(rule.basis(), &c), SourceKind::General, "{id} {query}: the general rule has a document");
                    assert!(label.contains("mục") || label.contains("Phụ lục"), "{id} {query}: {label}");
                }
            }
            // The explanation of the case carries its source too.
            let label = describe(plan.case.fact().basis(), &c, Lang::Vi, &words);
            assert!(!label.is_empty());
        }
    }
}

#[test]
fn the_cancuoc_rules_for_children_are_the_rule_today_for_campaigns_before_july_2024() {
    let words_vi = texts(Lang::Vi);
    let words = |w: Word| words_vi.raw(w.locale_key());
    let q3 = campaign("hcm-q3-2023");
    let label = describe(Fact::DocChild6To14.basis(), &q3, Lang::Vi, &words);
    assert_eq!(kind_of(Fact::DocChild6To14.basis(), &q3), SourceKind::RuleToday);
    assert!(label.starts_with("Quy định hiện nay (Luật Căn cước số 26/2023/QH15, áp dụng từ 01/07/2024), không thuộc chiến dịch này."), "{label}");
    // For Tam Thuận, whose own plan gives it, it is that plan's rule.
    let tam_thuan = campaign("dn-tam-thuan-2024");
    let label = describe(Fact::DocChild6To14.basis(), &tam_thuan, Lang::Vi, &words);
    assert_eq!(label, "Nguồn: Kế hoạch của Tổ Công nghệ số cộng đồng và Đề án 06 phường Tam Thuận, mục III.6");
    // District 3's own section wins over the other documents for a card application.
    let label = describe(Fact::CaseAdultNoCard.basis(), &q3, Lang::Vi, &words);
    assert_eq!(label, "Nguồn: Kế hoạch 2333/KH-BCĐ-CQTT, mục IV.1.1");
    // Elsewhere the Bình Thạnh appendix is named as another document.
    let hanoi = campaign("hn-awareness-2022");
    let label = describe(Fact::StepInstall.basis(), &hanoi, Lang::Vi, &words);
    assert!(label.starts_with("Nguồn (văn bản khác, không phải của chiến dịch này): Công văn 64/UBND-BCĐ"), "{label}");
    assert!(label.ends_with("Phụ lục 1, mục 1"), "{label}");
    // Several sections of one document are cited once, in order.
    let label = describe(Fact::HelpAskPolice.basis(), &q3, Lang::Vi, &words);
    assert!(label.ends_with("Kế hoạch cao điểm ngày 18/11/2022 của Ban Chỉ đạo Đề án 06 Thành phố Hà Nội, mục III.3, mục V.1"), "{label}");
    // General advice says so.
    assert_eq!(describe(Fact::ScamQr.basis(), &hanoi, Lang::Vi, &words), "Lời khuyên chung, không có trong văn bản nào.");
}

#[test]
fn campaign_facts_record_their_sections() {
    for id in SEEDS {
        let c = campaign(id);
        assert!(c.document.citation.is_some(), "{id}: document.citation");
        let top = c.source.as_ref().unwrap_or_else(|| panic!("{id}: source"));
        for field in ["period", "audience", "offers"] {
            assert!(top.section_for(field).is_some(), "{id}: source.{field}");
        }
        for o in &c.offices {
            let s = o.source.as_ref().unwrap_or_else(|| panic!("{id}: offices {} has no source", o.id));
            for service in &o.serves {
                assert!(s.section_for(&format!("serves.{}", service_key(*service))).is_some(), "{id}: {} serves.{service:?}", o.id);
            }
            for (field, present) in [("address", o.address.is_some()), ("opening_hours", o.opening_hours.is_some()), ("notes", o.notes.is_some())] {
                assert!(!present || s.section_for(field).is_some(), "{id}: offices {} {field} has no section", o.id);
            }
        }
        for (i, d) in c.deadlines.iter().enumerate() {
            assert!(d.source.is_some(), "{id}: deadlines[{i}]");
        }
        for (i, r) in c.reporting.iter().enumerate() {
            assert!(r.source.is_some(), "{id}: reporting[{i}]");
        }
        for (i, t) in c.targets.iter().enumerate() {
            assert!(t.source.is_some(), "{id}: targets[{i}]");
        }
    }
}

#[test]
fn facts_the_review_found_wrong_stay_fixed() {
    let vi = texts(Lang::Vi);
    let en = texts(Lang::En);
    let all_vi: String = vi.keys().map(|k| vi.raw(k)).collect::<Vec<_>>().join("\n");
    let all_en: String = en.keys().map(|k| en.raw(k)).collect::<Vec<_>>().join("\n");
    // Invented and contradicting the genuine SMS, which contains https://vneid.gov.vn.
    assert!(!all_vi.contains("không gửi đường link") && !all_en.contains("never send links"));
    // The contact phones are for units to report; citizens are not told to call them.
    assert!(!all_vi.contains("gọi số liên hệ") && !all_en.contains("call the contacts"));
    // No Zalo group that no document names; NFC and passcode help removed.
    assert!(!all_vi.contains("nhóm Zalo của chiến dịch") && !all_vi.contains("NFC") && !all_vi.contains("passcode"));
    // The SMS comes only if the result is approved.
    assert!(vi.raw("help.no_sms_body").contains("chỉ được gửi khi kết quả là Đạt"));
    // "Nearest" is not said for every office without an address.
    assert_eq!(vi.raw("offices.address_unknown"), "Văn bản không ghi địa chỉ.");
    // Doc 002: a new Căn cước card only if lost, when needed.
    assert!(vi.raw("documents.adult_14").contains("nếu làm mất thì được cấp sang thẻ Căn cước mẫu mới khi có nhu cầu"));
    assert!(!en.raw("documents.adult_14").contains("if you want one"));
    // Words.
    let campaigns_vi: String = SEEDS.iter().map(|id| read(&format!("tests/fixtures/campaigns/{id}.json"))).collect();
    for bad in ["móng mắt", "chíp", "trên mạng", "QRcode", "QRCode"] {
        assert!(!all_vi.contains(bad), "vi: {bad}");
        assert!(!campaigns_vi.contains(bad), "campaign files: {bad}");
    }
    assert!(!en.raw("guide.with_card").contains("any "), "no “any” that the Vietnamese lacks");
    assert!(!all_en.contains("due for renewal"));
    assert_eq!(vi.raw("nav.offices"), "Nơi làm thủ tục");
    // Staff: the 08:00 time comes from the campaign file, only where the document gives it.
    assert!(!vi.has("tally.before_eight"));
    let with_time: Vec<&str> = SEEDS.into_iter().filter(|id| campaign(id).daily_report_due().is_some()).collect();
    assert_eq!(with_time, ["hcm-q3-2023", "tv-duyen-hai-2023"]);
    // The site has its own name, not the official app's.
    let manifest: serde_json::Value = serde_json::from_str(&read("public/manifest.webmanifest")).unwrap();
    assert_ne!(manifest["short_name"], "VNeID");
    assert!(!manifest["name"].as_str().unwrap().starts_with("VNeID"));
}

#[test]
fn document_details_are_as_printed() {
    let q3 = campaign("hcm-q3-2023");
    // "trước ngày 31/6/2023" is shown as printed, with a note that the date does not exist.
    assert!(q3.deadlines.iter().any(|d| d.date_note.as_ref().is_some_and(|n| n.vi.contains("31/6/2023") && n.vi.contains("không có ngày 31"))));
    // The final report is due before 05/11/2023.
    assert!(q3.deadlines.iter().any(|d| d.date.to_string() == "2023-11-05" && d.label.vi.contains("trước ngày này")));
    // Duyên Hải: two teams of four per commune (the commune's own team and the town's team 2).
    let dh = campaign("tv-duyen-hai-2023");
    let groups = dh.office("working-groups").unwrap();
    assert!(groups.name.vi.contains("Tổ công tác của các xã, phường (4 người)") && groups.name.vi.contains("Tổ 2"));
    // Hà Nội: the end date is inferred and says so.
    let hanoi = campaign("hn-awareness-2022");
    assert!(hanoi.period_end_note.as_ref().is_some_and(|n| n.vi.contains("06 tháng")));
    // Bình Thạnh: the suspended city office always carries its note.
    let bt = campaign("hcm-binh-thanh-2023");
    let city = bt.office("city-office").unwrap();
    assert!(city.serves.is_empty() && city.notes.as_ref().unwrap().vi.contains("tạm ngưng hoạt động"));
    // Tam Thuận names its fan page and the residential groups' chats.
    let tt = campaign("dn-tam-thuan-2024");
    assert_eq!(tt.channels.len(), 2);
    // District 3's help points (IV.1.3).
    assert!(q3.office("help-points").is_some());
}
