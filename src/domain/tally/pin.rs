//! The optional staff PIN: its format, the stored record (salted PBKDF2 hash,
//! computed by the browser's WebCrypto) and the growing delay after wrong tries.
//! It keeps passers-by out of staff mode; it is not protection against someone
//! who holds the device and its storage.

use serde::{Deserialize, Serialize};

/// PBKDF2-SHA-256 iterations (slow on purpose).
pub const PIN_ITERATIONS: u32 = 210_000;

/// What is stored: never the PIN itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinRecord {
    /// Always `PBKDF2-SHA-256`.
    pub algorithm: String,
    /// Iterations used.
    pub iterations: u32,
    /// Random salt, hex.
    pub salt: String,
    /// Derived 256 bits, hex.
    pub hash: String,
}

/// Why a new PIN is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinProblem {
    /// Not 4 to 8 digits.
    Format,
    /// The two entries differ.
    Mismatch,
    /// A PIN is set and the current one was not given correctly.
    CurrentWrong,
    /// No PIN is set yet and the first-run step (confirming this is campaign staff's
    /// device to guard) was not taken.
    NotConfirmed,
}

/// Who may set, change or remove the PIN: with a PIN set, only someone who gives the
/// current one; without one, only through the deliberate first-run step.
pub fn may_change_pin(pin_is_set: bool, current_given_and_right: bool, first_run_confirmed: bool) -> Result<(), PinProblem> {
    match (pin_is_set, current_given_and_right, first_run_confirmed) {
        (true, false, _) => Err(PinProblem::CurrentWrong),
        (false, _, false) => Err(PinProblem::NotConfirmed),
        _ => Ok(()),
    }
}

/// Letters of a recovery code: no 0/O, 1/I/L, so it is read back without mistakes.
pub const RECOVERY_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Characters in a recovery code (shown in groups of four).
pub const RECOVERY_LENGTH: usize = 12;

/// A recovery code from random bytes: `ABCD-EFGH-JKMN`. Shown once when the PIN is set;
/// only its salted hash is stored. It removes a forgotten PIN and keeps every count.
pub fn recovery_code_from(random: &[u8; RECOVERY_LENGTH]) -> String {
    let letters: Vec<char> = random.iter().map(|b| RECOVERY_ALPHABET[*b as usize % RECOVERY_ALPHABET.len()] as char).collect();
    letters.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// A typed recovery code in its canonical form (capitals, no spaces or dashes), or `None`
/// when it cannot be one.
pub fn normalise_recovery_code(typed: &str) -> Option<String> {
    let code: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
    (code.len() == RECOVERY_LENGTH && code.bytes().all(|b| RECOVERY_ALPHABET.contains(&b))).then_some(code)
}

/// How a stored PIN setting reads: none, a record, or unreadable (which locks: a broken
/// setting never opens staff mode).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredPin {
    /// No PIN is set.
    None,
    /// A PIN is set.
    Set(PinRecord),
    /// The setting could not be read or parsed.
    Unreadable,
}

/// Reads the stored PIN setting: `Ok(None)` or an empty value is no PIN; a read error or
/// a value that is not a record is [`StoredPin::Unreadable`].
pub fn read_stored_pin<E>(stored: Result<Option<String>, E>) -> StoredPin {
    match stored {
        Ok(None) => StoredPin::None,
        Ok(Some(text)) if text.is_empty() => StoredPin::None,
        Ok(Some(text)) => serde_json::from_str(&text).map(StoredPin::Set).unwrap_or(StoredPin::Unreadable),
        Err(_) => StoredPin::Unreadable,
    }
}

/// Checks a new PIN typed twice.
pub fn check_new_pin(pin: &str, again: &str) -> Result<(), PinProblem> {
    if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        Err(PinProblem::Format)
    } else if pin != again {
        Err(PinProblem::Mismatch)
    } else {
        Ok(())
    }
}

/// Lowercase hex of bytes.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bytes of lowercase or uppercase hex.
pub fn from_hex(hex: &str) -> Option<Vec<u8>> {
    if hex.len() % 2 != 0 {
        return None;
    }
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()).collect()
}

/// Compares two hashes in time independent of where they differ.
pub fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Seconds to wait before the next try after `failures` wrong PINs in a row:
/// three free tries, then 2, 4, 8 … seconds, at most five minutes.
pub fn delay_after(failures: u32) -> u32 {
    if failures < 3 {
        0
    } else {
        (1u32 << (failures - 2).min(9)).min(300)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_checked_and_wrong_tries_slow_down() {
        assert_eq!(check_new_pin("1234", "1234"), Ok(()));
        assert_eq!(check_new_pin("123", "123"), Err(PinProblem::Format));
        assert_eq!(check_new_pin("12a4", "12a4"), Err(PinProblem::Format));
        assert_eq!(check_new_pin("123456789", "123456789"), Err(PinProblem::Format));
        assert_eq!(check_new_pin("1234", "1235"), Err(PinProblem::Mismatch));
        assert_eq!((delay_after(0), delay_after(2), delay_after(3), delay_after(4), delay_after(6)), (0, 0, 2, 4, 16));
        assert_eq!(delay_after(30), 300);
        assert_eq!(from_hex(&to_hex(&[0, 15, 255])), Some(vec![0, 15, 255]));
        assert_eq!(from_hex("abc"), None);
        assert!(same_hash("00ff", "00ff") && !same_hash("00ff", "00fe") && !same_hash("00", "0000"));
        let record = PinRecord { algorithm: "PBKDF2-SHA-256".into(), iterations: PIN_ITERATIONS, salt: "00".into(), hash: "ff".into() };
        let json = serde_json::to_string(&record).unwrap();
        assert!(!json.contains("1234"));
        assert_eq!(serde_json::from_str::<PinRecord>(&json).unwrap(), record);
    }

    #[test]
    fn only_the_current_pin_or_the_first_run_step_changes_the_pin() {
        assert_eq!(may_change_pin(true, false, true), Err(PinProblem::CurrentWrong), "a citizen cannot replace the staff's PIN");
        assert_eq!(may_change_pin(true, true, false), Ok(()));
        assert_eq!(may_change_pin(false, false, false), Err(PinProblem::NotConfirmed));
        assert_eq!(may_change_pin(false, false, true), Ok(()));
    }

    #[test]
    fn recovery_codes_read_back_and_broken_settings_lock() {
        let code = recovery_code_from(&[0, 1, 2, 3, 30, 31, 200, 255, 7, 8, 9, 10]);
        assert_eq!(code.len(), 14);
        assert_eq!(normalise_recovery_code(&code.to_lowercase().replace('-', " ")), Some(code.replace('-', "")));
        assert_eq!(normalise_recovery_code("ABCD-EFGH-JKM0"), None, "0 is not in the alphabet");
        assert_eq!(normalise_recovery_code("ABCD"), None);
        let record = PinRecord { algorithm: "PBKDF2-SHA-256".into(), iterations: 1, salt: "00".into(), hash: "ff".into() };
        assert_eq!(read_stored_pin::<()>(Ok(None)), StoredPin::None);
        assert_eq!(read_stored_pin::<()>(Ok(Some(String::new()))), StoredPin::None);
        assert_eq!(read_stored_pin::<()>(Ok(Some(serde_json::to_string(&record).unwrap()))), StoredPin::Set(record));
        assert_eq!(read_stored_pin::<()>(Ok(Some("{broken".into()))), StoredPin::Unreadable);
        assert_eq!(read_stored_pin(Err("read failed")), StoredPin::Unreadable);
    }
}
