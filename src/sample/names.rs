//! Near-same forms of a service name, as they really occur when the same service is
//! registered twice: a （新办） suffix, half-width brackets, traditional characters, filler words
//! (关于…的办理, …办理), one inserted character.

use rand::Rng;

/// A variant of `name` that differs from it but names the same service.
pub fn variant<R: Rng>(name: &str, rng: &mut R) -> String {
    let v = match rng.random_range(0..6) {
        0 => format!("{name}（新办）"),
        1 => format!("{name}(首次申请)"),
        2 => {
            let t = crate::model::script::to_traditional(name);
            if t == name {
                format!("{name}办理")
            } else {
                t
            }
        }
        3 => format!("关于{name}的办理"),
        4 => format!("{name}办理"),
        _ => insert_char(name, rng),
    };
    if v == name {
        format!("{name}（新办）")
    } else {
        v
    }
}

/// Insert one filler character inside the name (e.g. 食品经营许可证核发 → 食品经营许可证的核发).
fn insert_char<R: Rng>(name: &str, rng: &mut R) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 3 {
        return format!("{name}的");
    }
    let at = rng.random_range(1..chars.len());
    let filler = ['的', '类', '及', '项'][rng.random_range(0..4)];
    let mut out: String = chars[..at].iter().collect();
    out.push(filler);
    out.extend(&chars[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn variants_differ_but_stay_close() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        for _ in 0..200 {
            let v = variant("食品经营许可证核发", &mut rng);
            assert_ne!(v, "食品经营许可证核发");
            // At most a few characters more: still the same service to a person.
            assert!(
                v.chars().count() <= "食品经营许可证核发".chars().count() + 6,
                "{v}"
            );
        }
    }
}
