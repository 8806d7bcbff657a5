//! Publication dates to ISO 8601.
//!
//! Pages write dates in every shape; the common machine ones (ISO 8601 with
//! a space or a compact offset, RFC 2822, slashes, Unix time) and the
//! common English prose ones ("April 5, 2018", "5 Apr 2018 10:30 AM") are
//! rewritten as `YYYY-MM-DD[THH:MM[:SS[.frac]]][Z|±HH:MM]`. A value that is
//! already in that form comes back unchanged; anything not understood comes
//! back as written.

use crate::cues;

/// English month names; a token matches when it is a prefix of at least
/// three letters ("Sept" included).
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Zone abbreviations common on English-language news pages, with their
/// offsets in minutes.
const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("z", 0),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
    ("bst", 60),
    ("cet", 60),
    ("cest", 120),
];
/// Unix timestamps are accepted only within this range of years, so that
/// arbitrary numbers are not mistaken for dates.
const UNIX_YEARS: std::ops::RangeInclusive<i64> = 1995..=2100;
/// Years outside this range in prose dates are taken for other numbers.
const PROSE_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// A date with optional time and offset.
#[derive(Debug, Clone, PartialEq)]
struct Stamp {
    year: u32,
    month: u32,
    day: u32,
    /// Hour, minute, optional second and fraction digits as written.
    time: Option<Time>,
    /// Offset from UTC in minutes.
    offset: Option<i32>,
}

impl Stamp {
    fn valid(&self) -> bool {
        let days = days_in_month(self.year, self.month);
        let time_ok = self
            .time
            .as_ref()
            .is_none_or(|(h, m, s)| *h < 24 && *m < 60 && s.as_ref().is_none_or(|(s, _)| *s < 61));
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days
            && time_ok
            && self.offset.is_none_or(|o| o.abs() < 24 * 60)
    }

    fn format(&self) -> String {
        let mut out = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, sec)) = &self.time {
            out.push_str(&format!("T{h:02}:{m:02}"));
            if let Some((s, frac)) = sec {
                out.push_str(&format!(":{s:02}"));
                if !frac.is_empty() {
                    out.push('.');
                    out.push_str(frac);
                }
            }
            match self.offset {
                Some(0) => out.push('Z'),
                Some(o) => {
                    let sign = if o < 0 { '-' } else { '+' };
                    out.push_str(&format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60));
                }
                None => {}
            }
        }
        out
    }
}

/// The date as ISO 8601 when it can be read, else as written (trimmed).
pub(crate) fn normalize(raw: &str) -> String {
    let s = raw.trim();
    if is_rfc3339_like(s) {
        return s.to_string();
    }
    parse_iso(s)
        .or_else(|| parse_day_month_year(s))
        .or_else(|| parse_unix(s))
        .or_else(|| parse_prose(s))
        .filter(Stamp::valid)
        .map(|st| st.format())
        .unwrap_or_else(|| s.to_string())
}

/// Already `YYYY-MM-DD`, or that with `THH:MM[:SS[.f]]` and `Z`/`±HH:MM`:
/// kept verbatim so a value that is already standard is not reformatted.
fn is_rfc3339_like(s: &str) -> bool {
    cues::rfc3339_like().is_match(s) && parse_iso(s).is_some_and(|st| st.valid())
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`, then optionally `T` or space and a time,
/// then optionally an offset or zone.
fn parse_iso(s: &str) -> Option<Stamp> {
    let b = s.as_bytes();
    let mut i = 0;
    let year = digits(b, &mut i, 4, 4)?;
    let sep = *b.get(i)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    i += 1;
    let month = digits(b, &mut i, 1, 2)?;
    if b.get(i) != Some(&sep) {
        return None;
    }
    i += 1;
    let day = digits(b, &mut i, 1, 2)?;
    let mut st = Stamp {
        year,
        month,
        day,
        time: None,
        offset: None,
    };
    if i == b.len() {
        return Some(st);
    }
    if !matches!(b[i], b'T' | b't' | b' ') {
        return None;
    }
    i += 1;
    let (time, rest) = parse_time(&s[i..])?;
    st.time = Some(time);
    let rest = rest.trim();
    if !rest.is_empty() {
        st.offset = Some(parse_offset(rest)?);
    }
    Some(st)
}

type Time = (u32, u32, Option<(u32, String)>);

/// `HH:MM[:SS[.frac]]`, returning the rest of the string.
fn parse_time(s: &str) -> Option<(Time, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    let h = digits(b, &mut i, 1, 2)?;
    if b.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    let m = digits(b, &mut i, 2, 2)?;
    let mut sec = None;
    if b.get(i) == Some(&b':') {
        i += 1;
        let s_val = digits(b, &mut i, 2, 2)?;
        let mut frac = String::new();
        if matches!(b.get(i), Some(b'.') | Some(b',')) {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j == start {
                return None;
            }
            frac = s[start..j].to_string();
            i = j;
        }
        sec = Some((s_val, frac));
    }
    Some(((h, m, sec), &s[i..]))
}

/// `Z`, `±HH:MM`, `±HHMM`, `±HH`, or a zone abbreviation (optionally
/// followed by an offset, as in `GMT+0100`).
fn parse_offset(s: &str) -> Option<i32> {
    let lower = s.to_ascii_lowercase();
    if let Some((_, mins)) = ZONES.iter().find(|(z, _)| lower == *z) {
        return Some(*mins);
    }
    let numeric = ["utc", "gmt"]
        .iter()
        .find_map(|z| lower.strip_prefix(z))
        .unwrap_or(&lower);
    let b = numeric.as_bytes();
    let sign = match b.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body: String = numeric[1..].chars().filter(|&c| c != ':').collect();
    if !body.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match body.len() {
        1 | 2 => (body.parse::<i32>().ok()?, 0),
        4 => (
            body[..2].parse::<i32>().ok()?,
            body[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (m < 60).then_some(sign * (h * 60 + m))
}

/// Reads between `min` and `max` ASCII digits at `*i`.
fn digits(b: &[u8], i: &mut usize, min: usize, max: usize) -> Option<u32> {
    let start = *i;
    let mut v: u32 = 0;
    while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
        v = v * 10 + u32::from(b[*i] - b'0');
        *i += 1;
    }
    (*i - start >= min).then_some(v)
}

/// `D.M.YYYY` (day first, as in Europe) or `M/D/YYYY` / `D/M/YYYY` (read
/// only when one of the two numbers is above 12, which settles the order),
/// optionally followed by a time.
fn parse_day_month_year(s: &str) -> Option<Stamp> {
    let (a, sep, b, year, rest) = split_day_month_year(s)?;
    let dotted = sep == b'.';
    let (day, month) = if dotted || a > 12 {
        (a, b)
    } else if b > 12 {
        (b, a)
    } else {
        return None;
    };
    let mut st = Stamp {
        year,
        month,
        day,
        time: None,
        offset: None,
    };
    if let Some(rest) = rest {
        let (time, tail) = parse_time(rest)?;
        let tail = tail.trim().to_ascii_lowercase();
        let mut time = time;
        match tail.as_str() {
            "" => {}
            "am" | "pm" => time.0 = twelve_hour(time.0, tail == "pm")?,
            other => st.offset = Some(parse_offset(other)?),
        }
        st.time = Some(time);
    }
    Some(st)
}

/// The parts of `D.M.YYYY` / `M/D/YYYY`, as the regex
/// `^([0-9]{1,2})([./])([0-9]{1,2})([./])([0-9]{4})(?:,?\s+(.+))?$` reads
/// them (written by hand so the wasm carries no regex engine, issue 15):
/// the two numbers, their separator (the same both times), the year and
/// what follows a comma and white space.
fn split_day_month_year(s: &str) -> Option<(u32, u8, u32, u32, Option<&str>)> {
    let b = s.as_bytes();
    let run = |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let num = |from: usize, to: usize| s[from..to].parse::<u32>().ok();
    let a_end = run(0);
    let sep = *b.get(a_end)?;
    if !(1..=2).contains(&a_end) || (sep != b'.' && sep != b'/') {
        return None;
    }
    let b_end = run(a_end + 1);
    if !(1..=2).contains(&(b_end - a_end - 1)) || b.get(b_end) != Some(&sep) {
        return None;
    }
    let y_end = run(b_end + 1);
    if y_end - b_end - 1 != 4 {
        return None;
    }
    let (a, m, year) = (
        num(0, a_end)?,
        num(a_end + 1, b_end)?,
        num(b_end + 1, y_end)?,
    );
    let tail = &s[y_end..];
    if tail.is_empty() {
        return Some((a, sep, m, year, None));
    }
    // `,?\s+(.+)$`: the comma if there is one, then white space; `.+`
    // takes the rest (no line break) or, when nothing follows the white
    // space, its last character.
    let tail = tail.strip_prefix(',').unwrap_or(tail);
    let rest = tail.trim_start_matches(char::is_whitespace);
    let space = &tail[..tail.len() - rest.len()];
    let rest = match space.chars().next_back() {
        None => return None,
        Some(_) if !rest.is_empty() => rest,
        Some(last) if last != '\n' && space.chars().count() >= 2 => {
            &space[space.len() - last.len_utf8()..]
        }
        Some(_) => return None,
    };
    if rest.contains('\n') {
        return None;
    }
    Some((a, sep, m, year, Some(rest)))
}

/// A 12-hour clock hour (1-12) to 24-hour.
fn twelve_hour(h: u32, pm: bool) -> Option<u32> {
    if !(1..=12).contains(&h) {
        return None;
    }
    Some(match (pm, h) {
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, 12) => 0,
        (false, h) => h,
    })
}

/// Seconds (10 digits) or milliseconds (13 digits) since 1970, as UTC.
fn parse_unix(s: &str) -> Option<Stamp> {
    if !(s.len() == 10 || s.len() == 13) || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut secs: i64 = s.parse().ok()?;
    if s.len() == 13 {
        secs /= 1000;
    }
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    if !UNIX_YEARS.contains(&year) {
        return None;
    }
    Some(Stamp {
        year: u32::try_from(year).ok()?,
        month,
        day,
        time: Some((
            (rem / 3600) as u32,
            (rem % 3600 / 60) as u32,
            Some(((rem % 60) as u32, String::new())),
        )),
        offset: Some(0),
    })
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// English prose and RFC 2822 dates: a month name, a day and a four-digit
/// year in either order, optionally a time (with AM/PM) and a zone.
fn parse_prose(s: &str) -> Option<Stamp> {
    let lower = s.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let mut month = None;
    let mut day = None;
    let mut year = None;
    let mut time: Option<Time> = None;
    let mut offset = None;
    let mut pm = None;
    for tok in &tokens {
        let tok = tok.trim_end_matches('.');
        if let Some(m) = month_of(tok) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some(d) = ordinal_day(tok) {
            if day.is_none() && d <= 31 {
                day = Some(d);
            } else if year.is_none() && PROSE_YEARS.contains(&d) {
                year = Some(d);
            } else {
                return None;
            }
        } else if tok.contains(':') && time.is_none() {
            let (t, rest) = parse_time(tok)?;
            match rest {
                "" => {}
                "am" | "a" => pm = Some(false),
                "pm" | "p" => pm = Some(true),
                _ => offset = Some(parse_offset(rest)?),
            }
            time = Some(t);
        } else if tok == "am" || tok == "a:m" {
            pm = Some(false);
        } else if tok == "pm" || tok == "p:m" {
            pm = Some(true);
        } else if let Some(o) = parse_offset(tok) {
            offset = Some(o);
        } else if !is_filler(tok) {
            return None;
        }
    }
    let (month, day, year) = (month?, day?, year?);
    if let (Some((h, _, _)), Some(is_pm)) = (time.as_mut(), pm) {
        *h = twelve_hour(*h, is_pm)?;
    }
    if time.is_none() {
        offset = None;
    }
    Some(Stamp {
        year,
        month,
        day,
        time,
        offset,
    })
}

/// Words that may surround a prose date without changing it.
fn is_filler(tok: &str) -> bool {
    const FILLERS: &[&str] = &[
        "on",
        "at",
        "the",
        "of",
        "published",
        "updated",
        "posted",
        "-",
        "|",
        "•",
        "·",
    ];
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    FILLERS.contains(&tok) || (tok.len() >= 3 && WEEKDAYS.iter().any(|w| w.starts_with(tok)))
}

fn month_of(tok: &str) -> Option<u32> {
    if tok.len() < 3 || !tok.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(tok))
        .map(|p| p as u32 + 1)
}

/// `5`, `05`, `5th`, `1st`, `2018`.
fn ordinal_day(tok: &str) -> Option<u32> {
    let digits_end = tok.find(|c: char| !c.is_ascii_digit()).unwrap_or(tok.len());
    if digits_end == 0 || digits_end > 4 {
        return None;
    }
    let suffix = &tok[digits_end..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    tok[..digits_end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::{normalize, split_day_month_year};

    /// The hand-written split reads what the regex it replaced captured.
    #[test]
    fn day_month_year_split_matches_the_regex() {
        let re =
            regex::Regex::new(r"^([0-9]{1,2})([./])([0-9]{1,2})([./])([0-9]{4})(?:,?\s+(.+))?$")
                .unwrap();
        for t in [
            "5.4.2018",
            "05.04.2018",
            "12/31/2018",
            "31/12/2018 10:30",
            "5.4.2018, 10:30 Uhr",
            "5.4.2018,10:30",
            "5.4.2018,",
            "5.4.2018 ",
            "5.4.2018  ",
            "5.4.2018 \n",
            "5.4.2018\n ",
            "5.4.2018 10:30\nx",
            "5.4.2018\u{a0}10:30",
            "5.4.20181",
            "123.4.2018",
            "5/4.2018",
            "5..2018",
            ".4.2018",
            "5.4.201",
            "5.4.2018x",
            "5.4.2018 ,x",
            "5.4.2018, ",
            "5.4.2018,  ",
            "5.4.2018\u{3000}\u{3000}",
            "5.4.2018 \u{85}",
            "٥.4.2018",
        ] {
            let want = re.captures(t).and_then(|c| {
                let n = |i: usize| c[i].parse::<u32>().ok();
                if c[2] != c[4] {
                    return None;
                }
                Some((
                    n(1)?,
                    c[2].as_bytes()[0],
                    n(3)?,
                    n(5)?,
                    c.get(6).map(|m| m.as_str()),
                ))
            });
            assert_eq!(split_day_month_year(t), want, "{t:?}");
        }
    }

    #[test]
    fn keeps_standard_values_verbatim() {
        for s in [
            "2018-04-05",
            "2018-04-05T06:00",
            "2019-01-03T07:00:02.000Z",
            "2015-07-10T09:53:00-04:00",
            "2017-11-24T18:42:20.314667",
            "2015-10-15T08:00:26+00:00",
        ] {
            assert_eq!(normalize(s), s);
        }
    }

    #[test]
    fn rewrites_near_iso_values() {
        assert_eq!(
            normalize("2017-11-03 03:01:00.000000"),
            "2017-11-03T03:01:00.000000"
        );
        assert_eq!(
            normalize("2021-11-01T10:52:50+0100"),
            "2021-11-01T10:52:50+01:00"
        );
        assert_eq!(normalize("2020/7/9"), "2020-07-09");
        assert_eq!(normalize("2020-07-09 10:00 UTC"), "2020-07-09T10:00Z");
    }

    #[test]
    fn reads_rfc2822_and_prose() {
        assert_eq!(
            normalize("Thu, 05 Apr 2018 06:00:00 GMT"),
            "2018-04-05T06:00:00Z"
        );
        assert_eq!(
            normalize("Tue, 10 Jul 2015 09:53:00 -0400"),
            "2015-07-10T09:53:00-04:00"
        );
        assert_eq!(normalize("April 5, 2018"), "2018-04-05");
        assert_eq!(normalize("5th Sept. 2018 at 4:30 pm"), "2018-09-05T16:30");
        assert_eq!(
            normalize("Published on March 1, 2020 12:15 AM EST"),
            "2020-03-01T00:15-05:00"
        );
    }

    #[test]
    fn reads_numeric_day_month_orders() {
        assert_eq!(normalize("05/29/2007 09:49:00"), "2007-05-29T09:49:00");
        assert_eq!(normalize("29/05/2007"), "2007-05-29");
        assert_eq!(normalize("01.11.2021 10:52"), "2021-11-01T10:52");
        assert_eq!(normalize("3/4/2020 1:05 PM"), "3/4/2020 1:05 PM");
        assert_eq!(normalize("13/4/2020 1:05 PM"), "2020-04-13T13:05");
        assert_eq!(normalize("01.11/2021"), "01.11/2021");
    }

    #[test]
    fn reads_unix_time() {
        assert_eq!(normalize("1522908000"), "2018-04-05T06:00:00Z");
        assert_eq!(normalize("1522908000000"), "2018-04-05T06:00:00Z");
    }

    #[test]
    fn leaves_what_it_cannot_read() {
        for s in [
            "yesterday",
            "2018-02-30",
            "13/13/2013",
            "April 2018",
            "1234567890123456",
            "2018-04-05T25:00",
        ] {
            assert_eq!(normalize(s), s);
        }
        assert_eq!(normalize("  soon "), "soon");
    }
}
