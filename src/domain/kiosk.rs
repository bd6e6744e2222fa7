//! Kiosk mode on a shared screen: when to warn, when to wipe the citizen's session.

/// Idle time before the reset unless configured (seconds).
pub const DEFAULT_IDLE_SECONDS: u32 = 90;
/// How long the warning shows before the reset (seconds), at most half the idle time.
pub const WARNING_SECONDS: u32 = 20;
/// The shortest and longest idle times staff can set (seconds).
pub const IDLE_RANGE: (u32, u32) = (30, 1800);

/// Where an idle kiosk stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdlePhase {
    /// Someone is using it.
    Active,
    /// Nobody touched it for a while: ask whether they are still there.
    Warning {
        /// Whole seconds until the reset.
        seconds_left: u32,
    },
    /// Time is up: go home and wipe the answers and ticks.
    Reset,
}

/// The phase after `idle_ms` milliseconds without input, for an idle time of `idle_seconds`.
pub fn idle_phase(idle_ms: f64, idle_seconds: u32) -> IdlePhase {
    let total = idle_seconds as f64 * 1000.0;
    let warning = WARNING_SECONDS.min(idle_seconds / 2) as f64 * 1000.0;
    if idle_ms >= total {
        IdlePhase::Reset
    } else if idle_ms >= total - warning {
        IdlePhase::Warning { seconds_left: ((total - idle_ms) / 1000.0).ceil() as u32 }
    } else {
        IdlePhase::Active
    }
}

/// The idle time from a stored setting, kept inside [`IDLE_RANGE`].
pub fn idle_seconds_from(stored: Option<&str>) -> u32 {
    stored
        .and_then(|s| s.trim().parse::<u32>().ok())
        .map(|s| s.clamp(IDLE_RANGE.0, IDLE_RANGE.1))
        .unwrap_or(DEFAULT_IDLE_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_then_resets() {
        assert_eq!(idle_phase(0.0, 90), IdlePhase::Active);
        assert_eq!(idle_phase(69_999.0, 90), IdlePhase::Active);
        assert_eq!(idle_phase(70_000.0, 90), IdlePhase::Warning { seconds_left: 20 });
        assert_eq!(idle_phase(89_001.0, 90), IdlePhase::Warning { seconds_left: 1 });
        assert_eq!(idle_phase(90_000.0, 90), IdlePhase::Reset);
        // A short idle time warns for half of it.
        assert_eq!(idle_phase(15_000.0, 30), IdlePhase::Warning { seconds_left: 15 });
        assert_eq!(idle_seconds_from(None), 90);
        assert_eq!(idle_seconds_from(Some("120")), 120);
        assert_eq!(idle_seconds_from(Some("5")), 30);
        assert_eq!(idle_seconds_from(Some("x")), 90);
    }
}
