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
}
