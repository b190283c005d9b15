//! A sync group: the devices of one person that share a folder. They share one key (an age X25519
//! identity), made by the first device; every file in the folder is encrypted to it, so only a
//! device holding it can read a file or make one that reads. The key is never written in the
//! clear: the folder holds it sealed with the **pairing code**, sixteen letters and digits the
//! first device shows and the second types, and the code itself is written nowhere.

use std::fmt;
use std::str::FromStr;

use age::secrecy::{ExposeSecret, SecretString};

/// The letters of a pairing code: Crockford's base 32 (no I, L, O or U, so nothing reads as a
/// digit it is not, and no word is spelt by accident).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters in a code: 16 × 5 bits = 80 bits, far beyond guessing through scrypt.
const CODE_CHARS: usize = 16;

/// How hard the code is stretched (scrypt N = 2^this) before it opens the sealed key: about a
/// second on a laptop, once per pairing.
pub const CODE_WORK_FACTOR: u8 = 18;

/// Why sealing or opening the group's key failed.
#[derive(Debug, thiserror::Error)]
pub enum GroupError {
    #[error(
        "That is not a pairing code: it has {CODE_CHARS} letters and digits (the dashes are optional). {0}"
    )]
    BadCode(String),
    #[error(
        "That pairing code does not open this sync folder. Check it on the first device and type it again."
    )]
    WrongCode,
    #[error("The sync folder's key file is damaged: {0}")]
    Damaged(String),
}

/// A code shown on the first device and typed on the next, e.g. `7K3Q-M9ZD-0XWE-4HRT`.
#[derive(Clone, PartialEq, Eq)]
pub struct PairingCode(String);

impl PairingCode {
    /// A new random code.
    pub fn generate() -> Result<Self, GroupError> {
        let mut bytes = [0u8; CODE_CHARS];
        getrandom::fill(&mut bytes)
            .map_err(|e| GroupError::Damaged(format!("no randomness for a code: {e}")))?;
        Ok(Self(
            bytes
                .iter()
                .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
                .collect(),
        ))
    }

    /// The code without dashes, as it is stretched into a key.
    fn canonical(&self) -> &str {
        &self.0
    }
}

/// Shown in groups of four, to read out and type.
impl fmt::Display for PairingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups: Vec<&str> = (0..CODE_CHARS)
            .step_by(4)
            .filter_map(|at| self.0.get(at..at + 4))
            .collect();
        f.write_str(&groups.join("-"))
    }
}

/// Never printed whole by mistake (logs, panics).
impl fmt::Debug for PairingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PairingCode(…)")
    }
}

/// Typed codes are read generously: any case, spaces or dashes anywhere, and the letters people
/// mistake for digits (I and L for 1, O for 0) taken as those digits.
impl FromStr for PairingCode {
    type Err = GroupError;

    fn from_str(typed: &str) -> Result<Self, Self::Err> {
        let mut code = String::with_capacity(CODE_CHARS);
        for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let c = match c.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return Err(GroupError::BadCode(format!(
                    "{c:?} is not one of its characters."
                )));
            }
            code.push(c);
        }
        if code.chars().count() != CODE_CHARS {
            return Err(GroupError::BadCode(format!(
                "This has {}.",
                code.chars().count()
            )));
        }
        Ok(Self(code))
    }
}

/// A new device's id: random, never zero.
pub fn new_device_id() -> Result<u64, GroupError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes)
        .map_err(|e| GroupError::Damaged(format!("no randomness for a device id: {e}")))?;
    Ok(u64::from_le_bytes(bytes).max(1))
}

/// The key every file of the group is encrypted to. Kept by each device in its own settings
/// (never synced, never in the folder in the clear).
#[derive(Clone)]
pub struct GroupKey(age::x25519::Identity);

impl fmt::Debug for GroupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("GroupKey(…)")
    }
}

impl GroupKey {
    /// A new group's key.
    pub fn generate() -> Self {
        Self(age::x25519::Identity::generate())
    }

    /// The key as text, for the device's own settings.
    pub fn to_secret_text(&self) -> SecretString {
        self.0.to_string()
    }

    /// A key read back from the device's settings.
    pub fn from_secret_text(text: &str) -> Result<Self, GroupError> {
        text.parse()
            .map(Self)
            .map_err(|e: &str| GroupError::Damaged(e.to_owned()))
    }

    pub(crate) fn identity(&self) -> &age::x25519::Identity {
        &self.0
    }

    pub(crate) fn recipient(&self) -> age::x25519::Recipient {
        self.0.to_public()
    }

    /// The key sealed with `code`, for the folder's key file; `work_factor` is
    /// [`CODE_WORK_FACTOR`] (tests pass less, to run quickly).
    pub fn seal(&self, code: &PairingCode, work_factor: u8) -> Result<Vec<u8>, GroupError> {
        let mut recipient =
            age::scrypt::Recipient::new(SecretString::from(code.canonical().to_owned()));
        recipient.set_work_factor(work_factor.clamp(1, 63));
        let secret = self.to_secret_text();
        age::encrypt(&recipient, secret.expose_secret().as_bytes())
            .map_err(|e| GroupError::Damaged(e.to_string()))
    }

    /// Opens the folder's key file with a typed code.
    pub fn open(sealed: &[u8], code: &PairingCode) -> Result<Self, GroupError> {
        let mut identity =
            age::scrypt::Identity::new(SecretString::from(code.canonical().to_owned()));
        identity.set_max_work_factor(CODE_WORK_FACTOR);
        let plain = age::decrypt(&identity, sealed).map_err(|e| match e {
            age::DecryptError::NoMatchingKeys | age::DecryptError::DecryptionFailed => {
                GroupError::WrongCode
            }
            other => GroupError::Damaged(other.to_string()),
        })?;
        let text = String::from_utf8(plain)
            .map_err(|_| GroupError::Damaged("the key is not text".to_owned()))?;
        Self::from_secret_text(text.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quick stretching for tests; the mechanism is the same.
    const FAST: u8 = 4;

    #[test]
    fn a_code_is_sixteen_characters_shown_in_fours_and_read_back_generously() {
        let code = PairingCode::generate().unwrap();
        let shown = code.to_string();
        assert_eq!(shown.len(), 19);
        assert_eq!(shown.matches('-').count(), 3);
        assert_eq!(shown.parse::<PairingCode>().unwrap(), code);
        let typed = shown.to_lowercase().replace('-', " ");
        assert_eq!(typed.parse::<PairingCode>().unwrap(), code);
        assert_eq!(
            "i0l0-0000-0000-0000".parse::<PairingCode>().unwrap(),
            "1010-0000-0000-0000".parse::<PairingCode>().unwrap()
        );
        assert!(format!("{code:?}").ends_with("(…)"), "never in a log");
    }

    #[test]
    fn a_code_of_the_wrong_length_or_letters_is_refused() {
        for bad in [
            "",
            "ABCD-EFGH",
            "ABCD-EFGH-JKMN-PQRS-T",
            "ABCD-EFGH-JKMN-PQRU",
            "ÄBCD-EFGH-JKMN-PQRS",
        ] {
            assert!(
                matches!(bad.parse::<PairingCode>(), Err(GroupError::BadCode(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_key_opens_with_its_code_and_not_with_another() {
        let key = GroupKey::generate();
        let code = PairingCode::generate().unwrap();
        let sealed = key.seal(&code, FAST).unwrap();
        let opened = GroupKey::open(&sealed, &code).unwrap();
        assert_eq!(
            opened.to_secret_text().expose_secret(),
            key.to_secret_text().expose_secret()
        );
        let other = PairingCode::generate().unwrap();
        assert!(matches!(
            GroupKey::open(&sealed, &other),
            Err(GroupError::WrongCode)
        ));
        let mut damaged = sealed.clone();
        damaged.truncate(sealed.len() / 2);
        assert!(GroupKey::open(&damaged, &code).is_err());
        let secret = key.to_secret_text();
        assert!(
            !sealed
                .windows(16)
                .any(|w| secret.expose_secret().as_bytes().starts_with(w)),
            "the key is not in the folder in the clear"
        );
    }
}
