//! Every address of the app (plain Rust, native-tested): the pre-rendered citizen pages
//! (`routes::site`) and staff mode's sections (`routes::staff`). Citizen pages are plain
//! links between files; staff mode keeps its section in the query (`?v=`).

/// The value of `key` in a URL query (`?a=1&b=2` or `a=1&b=2`), if present.
pub fn query_value<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_sections_read_back_from_their_query() {
        for section in staff::Section::ALL {
            assert_eq!(staff::Section::from_query(&format!("?v={}&c=hn", section.key())), section);
        }
        assert_eq!(staff::Section::from_query(""), staff::Section::Entry);
        assert_eq!(staff::Section::from_query("?v=nowhere"), staff::Section::Entry);
        let keys: Vec<&str> = staff::Section::ALL.iter().map(|s| s.key()).collect();
        assert!(keys.iter().enumerate().all(|(i, k)| !keys[..i].contains(k)), "no two sections share a key");
    }

    #[test]
    fn query_values() {
        assert_eq!(query_value("?c=hn&age=14plus", "age"), Some("14plus"));
        assert_eq!(query_value("c=hn", "c"), Some("hn"));
        assert_eq!(query_value("?cc=1", "c"), None);
        assert_eq!(query_value("", "c"), None);
    }
}

/// Staff mode's sections, named in its address as `?v=<key>` (plus `&c=<campaign>`).
pub mod staff {
    use super::query_value;

    /// A section of staff mode.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Section {
        /// Daily entry (the default).
        Entry,
        /// Progress against targets.
        Dashboard,
        /// The report of a day.
        Report,
        /// Export, import and backup.
        Data,
        /// Units, targets, this device, the campaign's facts.
        Settings,
        /// The QR poster.
        Poster,
    }

    impl Section {
        /// Every section in tab order.
        pub const ALL: [Section; 6] = [Section::Entry, Section::Dashboard, Section::Report, Section::Data, Section::Settings, Section::Poster];

        /// The `v=` value.
        pub fn key(self) -> &'static str {
            match self {
                Section::Entry => "entry",
                Section::Dashboard => "dashboard",
                Section::Report => "report",
                Section::Data => "data",
                Section::Settings => "settings",
                Section::Poster => "poster",
            }
        }

        /// The section named by a query string (`?v=report&c=…`); entry when none is.
        pub fn from_query(query: &str) -> Section {
            let v = query_value(query, "v").unwrap_or("");
            Section::ALL.into_iter().find(|s| s.key() == v).unwrap_or(Section::Entry)
        }

        /// The query of this section, keeping the campaign `c` when one is given.
        pub fn query(self, campaign: Option<&str>) -> String {
            match campaign {
                Some(c) => format!("?v={}&c={c}", self.key()),
                None => format!("?v={}", self.key()),
            }
        }
    }
}

/// Where every citizen page of the built site lives (pre-rendered, one file per address).
///
/// - the default campaign in Vietnamese at the root: `guide/`, `check/14plus/have/2/`;
/// - English under `en/`: `en/guide/`;
/// - other campaigns under `c/<id>/`: `c/hn-awareness-2022/offices/`, `en/c/<id>/offices/`;
/// - the questions' answers are path segments, and `change-<question>/` reopens one.
///
/// Paths are relative to the site's base (`<base href>`), end with `/` and are
/// written as `<path>index.html`.
pub mod site {
    use crate::domain::pathway::{Answers, Question};
    use crate::domain::text::Lang;

    /// A citizen page.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum SitePage {
        /// Home.
        Home,
        /// The questions and the checklist: the answers so far and a reopened question.
        Check {
            /// The answers given.
            answers: Answers,
            /// A question reopened to change its answer.
            reopen: Option<Question>,
        },
        /// The step-by-step guide.
        Guide,
        /// Documents to bring.
        Documents,
        /// Where to go.
        Offices,
        /// Help.
        Help,
    }

    /// The main pages, in navigation order, with their folder name.
    pub const MAIN: [(SitePage, &str); 6] = [
        (SitePage::Home, ""),
        (SitePage::Check { answers: Answers { age: None, card: None, level: None }, reopen: None }, "check/"),
        (SitePage::Guide, "guide/"),
        (SitePage::Documents, "documents/"),
        (SitePage::Offices, "offices/"),
        (SitePage::Help, "help/"),
    ];

    /// One page of one campaign in one language.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct SitePath {
        /// The language.
        pub lang: Lang,
        /// The campaign; `None` for the deployment's default.
        pub campaign: Option<String>,
        /// The page.
        pub page: SitePage,
    }

    /// The folder of the campaign and language: `""`, `en/`, `c/<id>/`, `en/c/<id>/`.
    pub fn group(lang: Lang, campaign: Option<&str>) -> String {
        let lang = if lang == Lang::En { "en/" } else { "" };
        match campaign {
            Some(id) => format!("{lang}c/{id}/"),
            None => lang.to_string(),
        }
    }

    impl SitePage {
        /// The page's folder inside its group (`check/14plus/have/change-card/`).
        pub fn folder(&self) -> String {
            match self {
                SitePage::Check { answers, reopen } => {
                    let mut path = String::from("check/");
                    for q in answers.questions() {
                        if let Some(code) = answers.code(q) {
                            path.push_str(code);
                            path.push('/');
                        }
                    }
                    if let Some(q) = reopen {
                        path.push_str(&format!("change-{}/", q.key()));
                    }
                    path
                }
                other => MAIN.iter().find(|(p, _)| p == other).map_or(String::new(), |(_, f)| f.to_string()),
            }
        }

        /// Whether this is the same main page (any check screen counts as "check").
        pub fn same_section(&self, other: &SitePage) -> bool {
            matches!((self, other), (SitePage::Check { .. }, SitePage::Check { .. })) || self == other
        }
    }

    impl SitePath {
        /// The path relative to the base, ending with `/` (`""` for the default home).
        pub fn path(&self) -> String {
            format!("{}{}", group(self.lang, self.campaign.as_deref()), self.page.folder())
        }

        /// The same page in `lang`.
        pub fn in_lang(&self, lang: Lang) -> SitePath {
            SitePath { lang, ..self.clone() }
        }

        /// Another page of the same campaign and language.
        pub fn to(&self, page: SitePage) -> SitePath {
            SitePath { page, ..self.clone() }
        }

        /// Reads a path relative to the base (`en/c/x/check/14plus/`); `None` if no page lives there.
        pub fn parse(path: &str) -> Option<SitePath> {
            let mut parts: Vec<&str> = path.trim_end_matches("index.html").split('/').filter(|s| !s.is_empty()).collect();
            let lang = if parts.first() == Some(&"en") {
                parts.remove(0);
                Lang::En
            } else {
                Lang::Vi
            };
            let campaign = if parts.first() == Some(&"c") {
                parts.remove(0);
                if parts.is_empty() {
                    return None;
                }
                Some(parts.remove(0).to_string())
            } else {
                None
            };
            let page = match parts.first() {
                None => SitePage::Home,
                Some(&"check") => {
                    let mut answers = Answers::default();
                    let mut reopen = None;
                    for segment in &parts[1..] {
                        if reopen.is_some() {
                            return None;
                        }
                        if let Some(q) = segment.strip_prefix("change-") {
                            reopen = Some(Question::from_key(q)?);
                            continue;
                        }
                        let question = answers.next_question()?;
                        if !answers.set(question.key(), segment) {
                            return None;
                        }
                    }
                    if reopen.is_some_and(|q| answers.code(q).is_none()) {
                        return None;
                    }
                    SitePage::Check { answers, reopen }
                }
                Some(name) if parts.len() == 1 => MAIN.iter().find(|(_, f)| f.trim_end_matches('/') == *name)?.0,
                _ => return None,
            };
            Some(SitePath { lang, campaign, page })
        }

        /// Every check screen: each question in turn, every result, and every result with a question reopened.
        pub fn all_check_pages() -> Vec<SitePage> {
            let mut pages = Vec::new();
            let mut frontier = vec![Answers::default()];
            while let Some(answers) = frontier.pop() {
                pages.push(SitePage::Check { answers, reopen: None });
                match answers.next_question() {
                    Some(q) => frontier.extend(q.choices().iter().map(|c| answers.with(q, c))),
                    None => {
                        for q in answers.questions() {
                            pages.push(SitePage::Check { answers, reopen: Some(q) });
                        }
                    }
                }
            }
            pages
        }
    }

    /// Where an address of the earlier client-rendered app should go now: `?c=<id>` named the
    /// campaign and `?age=…&card=…&level=…` the answers (printed QR codes and shared links still
    /// carry them). `here` is the page's path relative to the base. `None` when nothing changes.
    pub fn legacy_redirect(here: &str, query: &str, default_campaign: &str) -> Option<String> {
        let mut path = SitePath::parse(here)?;
        let original = path.clone();
        if let Some(id) = crate::routes::query_value(query, "c") {
            if !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                path.campaign = (id != default_campaign).then(|| id.to_string());
            }
        }
        if let SitePage::Check { answers, .. } = path.page {
            let from_query = Answers::from_query(query);
            if answers == Answers::default() && from_query != Answers::default() {
                // Only the answers that form a valid sequence are kept.
                let mut kept = Answers::default();
                while let Some(q) = kept.next_question() {
                    match from_query.code(q) {
                        Some(code) => kept = kept.with(q, code),
                        None => break,
                    }
                }
                path.page = SitePage::Check { answers: kept, reopen: None };
            }
        }
        (path != original).then(|| path.path())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn old_addresses_lead_to_their_pages() {
            assert_eq!(legacy_redirect("offices/", "?c=hn-awareness-2022", "hcm-q3-2023").as_deref(), Some("c/hn-awareness-2022/offices/"));
            assert_eq!(legacy_redirect("en/", "c=tv-duyen-hai-2023&kiosk=1", "hcm-q3-2023").as_deref(), Some("en/c/tv-duyen-hai-2023/"));
            assert_eq!(legacy_redirect("check/", "?age=14plus&card=have&level=2", "hcm-q3-2023").as_deref(), Some("check/14plus/have/2/"));
            assert_eq!(legacy_redirect("check/", "?age=6to14&card=none&level=2", "x").as_deref(), Some("check/6to14/none/"));
            assert_eq!(legacy_redirect("offices/", "?c=hcm-q3-2023", "hcm-q3-2023"), None, "the default is already here");
            assert_eq!(legacy_redirect("offices/", "?kiosk=1", "hcm-q3-2023"), None);
            assert_eq!(legacy_redirect("offices/", "?c=<script>", "hcm-q3-2023"), None);
        }

        #[test]
        fn every_page_has_one_path_and_reads_back() {
            let mut seen = std::collections::BTreeSet::new();
            for lang in Lang::ALL {
                for campaign in [None, Some("hn-awareness-2022".to_string())] {
                    let pages = MAIN.iter().map(|(p, _)| *p).filter(|p| !matches!(p, SitePage::Check { .. })).chain(SitePath::all_check_pages());
                    for page in pages {
                        let path = SitePath { lang, campaign: campaign.clone(), page };
                        let text = path.path();
                        assert!(text.is_empty() || text.ends_with('/'), "{text}");
                        assert!(seen.insert(text.clone()), "two pages at {text}");
                        assert_eq!(SitePath::parse(&text), Some(path.clone()), "{text}");
                        assert_eq!(SitePath::parse(&format!("{text}index.html")), Some(path), "{text}index.html");
                    }
                }
            }
        }

        #[test]
        fn routes_dont_alias_and_nonsense_is_not_a_page() {
            assert_eq!(SitePath::parse("check/14plus/have/2/").unwrap().page.folder(), "check/14plus/have/2/");
            assert_eq!(SitePath::parse("en/c/x/guide/").unwrap().path(), "en/c/x/guide/");
            for bad in ["nowhere/", "check/99/", "check/under6/none/2/", "check/14plus/change-level/", "c/", "guide/extra/", "check/14plus/have/2/change-card/x/"] {
                assert_eq!(SitePath::parse(bad), None, "{bad}");
            }
            // 3 ages × 3 cards, level asked from 14: 1 + 3 + 3 question screens, 6 + 9 results, each result reopens 2 or 3 questions.
            assert_eq!(SitePath::all_check_pages().len(), 7 + 15 + 6 * 2 + 9 * 3);
        }
    }
}
