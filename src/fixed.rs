//! Fixed-point formatting of `f64` by integer arithmetic: the text
//! `format!("{:.N}", x)` gives, without the standard float formatter.
//!
//! The reason details that print a number (link densities to two
//! decimals, words per link to one, class weights, words and shares of
//! the text as whole numbers) were the wasm module's only uses of `f64`'s
//! `Display`, which brings the Grisu and Dragon algorithms: 21.8 KB of
//! code, 8.3 KB gzipped (issue 15).

/// `x` with `decimals` digits after the point (at most 2), exactly as
/// `format!("{x:.decimals$}")` writes it: the exact binary value rounded
/// half to even, a minus sign on negative values and negative zero,
/// `NaN`, `inf` and `-inf`. Exact for finite `|x| < 2^56` (the callers'
/// ratios and percentages); beyond, the digits saturate.
pub(crate) fn fixed(x: f64, decimals: u32) -> String {
    debug_assert!(decimals <= 2, "{decimals} decimals");
    let mut out = String::new();
    if x.is_nan() {
        out.push_str("NaN");
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let scale = 10u64.pow(decimals);
    let scaled = scaled_rounded(x.abs(), scale);
    out.push_str(&(scaled / scale).to_string());
    if decimals > 0 {
        out.push('.');
        let frac = scaled % scale;
        let mut unit = scale / 10;
        while unit > 0 {
            out.push(char::from(b'0' + (frac / unit % 10) as u8));
            unit /= 10;
        }
    }
    out
}

/// `x * scale` (`x` finite and not negative, `scale` at most 100) rounded
/// to the nearest integer, ties to even, computed on the exact value of
/// `x`: the mantissa `m` and exponent `e` with `x = m * 2^e` (`m < 2^53`,
/// so `m * scale < 2^60` fits a `u64`).
fn scaled_rounded(x: f64, scale: u64) -> u64 {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = match exp {
        0 => (frac, -1074),
        _ => (frac | (1u64 << 52), exp - 1075),
    };
    if e >= 0 {
        // An integer: nothing to round.
        return (x as u64).saturating_mul(scale);
    }
    let n = m * scale;
    let shift = (-e) as u32;
    if shift >= 64 {
        // n < 2^60 is below half of 2^shift: rounds to 0.
        return 0;
    }
    let q = n >> shift;
    let rem = n & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if rem > half || (rem == half && q % 2 == 1) {
        q + 1
    } else {
        q
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    fn same(x: f64) {
        assert_eq!(fixed(x, 2), format!("{x:.2}"), "{x:?} to 2 decimals");
        assert_eq!(fixed(x, 1), format!("{x:.1}"), "{x:?} to 1 decimal");
        assert_eq!(fixed(x, 0), format!("{x:.0}"), "{x:?} to 0 decimals");
    }

    #[test]
    fn special_values_and_ties_match_the_standard_formatter() {
        for x in [
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            0.125,
            0.375,
            0.5,
            1.5,
            2.5,
            0.005,
            0.015,
            0.995,
            0.994999999,
            1.0 / 3.0,
            2.0 / 3.0,
            99.5,
            100.0,
            -0.001,
            -1.005,
            4503599627370495.5,
            4503599627370497.0,
            7.2e16,
        ] {
            same(x);
        }
    }

    #[test]
    fn every_ratio_and_percentage_matches_the_standard_formatter() {
        // Link densities are `a / b` of character counts, shares are
        // `100 * a / b`: every such value for b up to 400.
        for b in 1..=400u32 {
            for a in 0..=b {
                let r = f64::from(a) / f64::from(b);
                same(r);
                same(100.0 * r);
            }
        }
    }

    #[test]
    fn random_values_match_the_standard_formatter() {
        // A fixed xorshift: values spread over magnitudes 2^-70 .. 2^55.
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let exp = 1023 - 70 + (s >> 52) % 126;
            let x = f64::from_bits((s & 0x800f_ffff_ffff_ffff) | (exp << 52));
            same(x);
        }
    }
}
