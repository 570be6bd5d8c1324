//! French and English user interface strings, from Fluent files (`assets/i18n/*.ftl`).
//!
//! Each thread has a current language (the app sets it at the start of every frame), so tests
//! running side by side in one process each keep their own. `t!("menu-file")` reads a message;
//! `t!("report-title", name = file)` passes arguments. A test checks that both files hold the same
//! messages with the same arguments, and that every message the code asks for exists.

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub const EN_FTL: &str = include_str!("../../../assets/i18n/en.ftl");
pub const FR_FTL: &str = include_str!("../../../assets/i18n/fr.ftl");

/// A language of the user interface.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "fr")]
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// "en", "fr".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name, as its switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// Reads "fr", "fr-FR", "fr_FR.UTF-8", "en", "EN-gb"... Unknown languages give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lang = code
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The system's language when it is French or English; English otherwise. Read once: the
    /// interface asks for it every frame.
    pub fn system() -> Lang {
        static SYSTEM: OnceLock<Lang> = OnceLock::new();
        *SYSTEM.get_or_init(|| {
            sys_locale::get_locales()
                .find_map(|l| Lang::from_code(&l))
                .unwrap_or_default()
        })
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => EN_FTL,
            Lang::Fr => FR_FTL,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Sets the language of this thread's user interface.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language of this thread's user interface.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// An argument of a message: a number (which also chooses the plural form) or a text.
pub enum Arg {
    Num(f64),
    Text(String),
}

macro_rules! arg_from_number {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Num(v as f64)
            }
        }
    )*};
}
arg_from_number!(u8, usize, u32, u64, i32, i64, f32, f64);

macro_rules! arg_from_number_ref {
    ($($t:ty),*) => {$(
        impl From<&$t> for Arg {
            fn from(v: &$t) -> Self {
                Arg::Num(*v as f64)
            }
        }
    )*};
}
arg_from_number_ref!(usize, u32, u64, f64);

impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(v.clone())
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(v)
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(v.to_string())
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [make_bundle(Lang::En), make_bundle(Lang::Fr)]);
    match lang {
        Lang::En => &bundles[0],
        Lang::Fr => &bundles[1],
    }
}

fn make_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::En => unic_langid::LanguageIdentifier::from_parts(
            unic_langid::subtags::Language::from_bytes(b"en").unwrap_or_default(),
            None,
            None,
            &[],
        ),
        Lang::Fr => unic_langid::LanguageIdentifier::from_parts(
            unic_langid::subtags::Language::from_bytes(b"fr").unwrap_or_default(),
            None,
            None,
            &[],
        ),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: egui would draw them as boxes.
    bundle.set_use_isolating(false);
    // A broken file keeps the messages that parsed; the i18n test reports the errors.
    let resource = FluentResource::try_new(lang.source().to_string()).unwrap_or_else(|(r, _)| r);
    if let Err(errors) = bundle.add_resource(resource) {
        log::error!("{} messages: {errors:?}", lang.code());
    }
    bundle
}

/// The message `id` in `lang`, with arguments. A missing message shows its id (and the i18n
/// test fails), never a panic.
pub fn message(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        log::warn!("missing {} message {id}", lang.code());
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Num(n) => FluentValue::from(*n),
            Arg::Text(s) => FluentValue::from(s.as_str()),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        log::warn!("{} message {id}: {errors:?}", lang.code());
    }
    text.into_owned()
}

/// The message `id` in this thread's language.
pub fn tr(id: &str) -> String {
    message(lang(), id, &[])
}

/// The message `id` in this thread's language, with arguments.
pub fn tr_args(id: &str, args: &[(&str, Arg)]) -> String {
    message(lang(), id, args)
}

/// `t!("menu-quit")`, or with arguments `t!("close-file", name = file)`: a user interface
/// string in the current language.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_codes() {
        assert_eq!(Lang::from_code("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("de-DE"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn plural_forms_follow_the_language() {
        // French counts 0 and 1 as singular; English only 1.
        assert_eq!(
            message(
                Lang::Fr,
                "zones-count",
                &[("n", Arg::Num(0.0)), ("count", Arg::from("0"))]
            ),
            "0 zone"
        );
        assert_eq!(
            message(
                Lang::En,
                "zones-count",
                &[("n", Arg::Num(0.0)), ("count", Arg::from("0"))]
            ),
            "0 zones"
        );
        assert_eq!(
            message(
                Lang::En,
                "zones-count",
                &[("n", Arg::Num(1.0)), ("count", Arg::from("1"))]
            ),
            "1 zone"
        );
    }

    #[test]
    fn threads_keep_their_own_language() {
        set_lang(Lang::Fr);
        let other = std::thread::spawn(|| {
            set_lang(Lang::En);
            lang()
        })
        .join();
        assert_eq!(other.ok(), Some(Lang::En));
        assert_eq!(lang(), Lang::Fr);
        assert_eq!(tr("no-such-message"), "no-such-message");
    }
}
