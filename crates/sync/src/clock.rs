//! A hybrid logical clock (Kulkarni, Demirbas et al., "Logical Physical Clocks", 2014): each
//! change gets a stamp that is close to the wall time, never goes backwards on a device, and is
//! later than every stamp the device has seen from others, however their wall clocks drift. Ties
//! are broken by the device's id, so every device orders the same two stamps the same way; "the
//! later change wins" then means the same thing everywhere.

use std::fmt;
use std::str::FromStr;

/// When a change was made, in the order every device agrees on: milliseconds of wall time, a
/// counter for changes within one millisecond (or while the wall clock lags), the device's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub millis: i64,
    pub counter: u32,
    pub device: u64,
}

impl Stamp {
    /// Earlier than every stamp a device gives.
    pub const ZERO: Stamp = Stamp {
        millis: 0,
        counter: 0,
        device: 0,
    };
}

/// A stamp's text sorts as the stamps do (fixed-width digits), so it can be compared in SQL.
impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:015}-{:08x}-{:016x}",
            self.millis, self.counter, self.device
        )
    }
}

/// Why a stamp's text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a sync stamp")]
pub struct BadStamp(pub String);

impl FromStr for Stamp {
    type Err = BadStamp;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadStamp(text.to_owned());
        let mut parts = text.split('-');
        let (Some(millis), Some(counter), Some(device), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if millis.len() != 15 || counter.len() != 8 || device.len() != 16 {
            return Err(bad());
        }
        Ok(Self {
            millis: millis.parse().map_err(|_| bad())?,
            counter: u32::from_str_radix(counter, 16).map_err(|_| bad())?,
            device: u64::from_str_radix(device, 16).map_err(|_| bad())?,
        })
    }
}

/// One device's clock: the last stamp it gave or saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HybridClock {
    last: Stamp,
}

impl HybridClock {
    /// A device's clock before its first change (or restored from its last stamp).
    pub fn new(device: u64) -> Self {
        Self::resume(Stamp {
            millis: 0,
            counter: 0,
            device,
        })
    }

    /// The clock as it was after `last`, e.g. the newest stamp kept in the database.
    pub fn resume(last: Stamp) -> Self {
        Self { last }
    }

    pub fn last(&self) -> Stamp {
        self.last
    }

    /// The stamp of a change made here now (`wall_millis`: the wall clock, ms since the epoch).
    pub fn tick(&mut self, wall_millis: i64) -> Stamp {
        let millis = wall_millis.max(self.last.millis);
        let counter = if millis == self.last.millis {
            self.last.counter.checked_add(1)
        } else {
            Some(0)
        };
        self.advance(millis, counter)
    }

    /// Takes in a stamp from another device (its change was applied here): what this device does
    /// next is later than it.
    pub fn observe(&mut self, remote: Stamp, wall_millis: i64) -> Stamp {
        let millis = wall_millis.max(self.last.millis).max(remote.millis);
        let counter = match (millis == self.last.millis, millis == remote.millis) {
            (true, true) => self.last.counter.max(remote.counter).checked_add(1),
            (true, false) => self.last.counter.checked_add(1),
            (false, true) => remote.counter.checked_add(1),
            (false, false) => Some(0),
        };
        self.advance(millis, counter)
    }

    /// Moves to `millis` with `counter`; a counter that would overflow moves to the next
    /// millisecond instead, so stamps still only grow.
    fn advance(&mut self, millis: i64, counter: Option<u32>) -> Stamp {
        let (millis, counter) = match counter {
            Some(counter) => (millis, counter),
            None => (millis.saturating_add(1), 0),
        };
        self.last = Stamp {
            millis,
            counter,
            device: self.last.device,
        };
        self.last
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_stamp_follows_the_wall_clock_and_never_goes_back() {
        let mut clock = HybridClock::new(7);
        let a = clock.tick(1_000);
        assert_eq!((a.millis, a.counter), (1_000, 0));
        let b = clock.tick(1_000);
        assert_eq!((b.millis, b.counter), (1_000, 1), "same millisecond");
        // The wall clock was set back an hour: stamps keep going forward.
        let c = clock.tick(1_000 - 3_600_000);
        assert!(c > b);
        assert_eq!(c.millis, 1_000);
    }

    #[test]
    fn after_seeing_a_change_from_a_fast_clock_the_next_change_here_is_later() {
        let mut slow = HybridClock::new(1);
        slow.tick(1_000);
        let fast = Stamp {
            millis: 90_000,
            counter: 4,
            device: 2,
        };
        let seen = slow.observe(fast, 1_001);
        assert!(seen > fast);
        let next = slow.tick(1_002);
        assert!(next > fast, "{next} after {fast}");
    }

    #[test]
    fn equal_times_are_ordered_by_device_the_same_way_everywhere() {
        let a = Stamp {
            millis: 5,
            counter: 0,
            device: 1,
        };
        let b = Stamp { device: 2, ..a };
        assert!(a < b);
        assert!(a.to_string() < b.to_string());
    }

    #[test]
    fn bad_stamps_are_refused() {
        for bad in [
            "",
            "1-2",
            "000000000000001-00000000",
            "x00000000000001-00000000-0000000000000001",
        ] {
            assert!(bad.parse::<Stamp>().is_err(), "{bad:?}");
        }
    }

    fn stamp() -> impl Strategy<Value = Stamp> {
        (0i64..1_000_000_000_000_000, any::<u32>(), any::<u64>()).prop_map(
            |(millis, counter, device)| Stamp {
                millis,
                counter,
                device,
            },
        )
    }

    proptest! {
        #[test]
        fn a_stamps_text_sorts_as_the_stamp_and_reads_back(a in stamp(), b in stamp()) {
            prop_assert_eq!(a.to_string().parse::<Stamp>(), Ok(a));
            prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
        }

        #[test]
        fn every_stamp_given_is_later_than_all_before_it(
            events in proptest::collection::vec(
                (any::<bool>(), 0i64..10_000, stamp()), 1..60),
        ) {
            let mut clock = HybridClock::new(9);
            let mut latest = clock.last();
            for (remote, wall, other) in events {
                let other = Stamp { millis: other.millis % 20_000, ..other };
                let next = if remote {
                    let next = clock.observe(other, wall);
                    prop_assert!(next > other);
                    next
                } else {
                    clock.tick(wall)
                };
                prop_assert!(next > latest, "{} after {}", next, latest);
                latest = next;
            }
        }
    }
}
