//! Geometry of the progress chart: daily bars, the cumulative line and the target line.

use chrono::NaiveDate;

/// Drawing coordinates in a `width` × `height` box (origin top-left).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    /// Box width.
    pub width: f64,
    /// Box height.
    pub height: f64,
    /// One bar per day: (day, x, y, w, h) against the daily scale.
    pub bars: Vec<(NaiveDate, f64, f64, f64, f64)>,
    /// The cumulative line's points (`x,y x,y …`) against the cumulative scale.
    pub cumulative_points: String,
    /// The target line's y on the cumulative scale, if a target is known and drawable.
    pub target_y: Option<f64>,
    /// The top of the daily scale.
    pub daily_max: u64,
    /// The top of the cumulative scale.
    pub cumulative_max: u64,
}

/// Lays out `days` (one value per day, in order) with an optional target.
pub fn layout(days: &[(NaiveDate, u64)], target: Option<u64>, width: f64, height: f64) -> ChartGeometry {
    let n = days.len().max(1) as f64;
    let slot = width / n;
    let daily_max = days.iter().map(|d| d.1).max().unwrap_or(0).max(1);
    let mut running = 0u64;
    let cumulative: Vec<u64> = days
        .iter()
        .map(|d| {
            running += d.1;
            running
        })
        .collect();
    let cumulative_max = (running.max(target.unwrap_or(0)).max(1) as f64 * 1.1).ceil() as u64;
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, (day, v))| {
            let h = *v as f64 / daily_max as f64 * height * 0.95;
            (*day, i as f64 * slot + slot * 0.15, height - h, slot * 0.7, h)
        })
        .collect();
    let cumulative_points = cumulative
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{:.1},{:.1}", i as f64 * slot + slot / 2.0, height - *c as f64 / cumulative_max as f64 * height))
        .collect::<Vec<_>>()
        .join(" ");
    let target_y = target.filter(|t| *t > 0).map(|t| height - t as f64 / cumulative_max as f64 * height);
    ChartGeometry { width, height, bars, cumulative_points, target_y, daily_max, cumulative_max }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vn_time::ymd;

    #[test]
    fn bars_line_and_target_share_the_box() {
        let days = [(ymd(2023, 6, 20), 10), (ymd(2023, 6, 21), 0), (ymd(2023, 6, 22), 30)];
        let g = layout(&days, Some(80), 300.0, 100.0);
        assert_eq!(g.bars.len(), 3);
        assert_eq!(g.daily_max, 30);
        assert_eq!(g.cumulative_max, 88, "the larger of total and target, with 10 % headroom");
        assert!((g.bars[2].4 - 95.0).abs() < 1e-9, "the tallest bar nearly fills the height");
        assert_eq!(g.bars[1].4, 0.0);
        assert!((g.target_y.unwrap() - (100.0 - 80.0 / 88.0 * 100.0)).abs() < 1e-9);
        assert_eq!(g.cumulative_points, "50.0,88.6 150.0,88.6 250.0,54.5");
        // Past the target, the line tops the box and the target sits below it.
        let g = layout(&days, Some(20), 300.0, 100.0);
        assert_eq!(g.cumulative_max, 44);
        assert!((g.target_y.unwrap() - (100.0 - 20.0 / 44.0 * 100.0)).abs() < 1e-9);
        assert!(layout(&[], None, 300.0, 100.0).bars.is_empty());
    }
}
