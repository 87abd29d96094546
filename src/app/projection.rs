//! Web Mercator between lon/lat and the screen, the same arithmetic as the
//! map widget's, so the map model can be built and measured without a window.

use geo::Point;

/// Side of a map tile in pixels at zoom 0 (the whole world).
const TILE: f64 = 256.0;
/// Mercator stops here, as web maps do.
const MAX_LAT: f64 = 85.051_128_78;

/// Lon/lat as Web Mercator coordinates normalised to 0..1 (x east, y south).
pub fn to_unit(lonlat: Point<f64>) -> [f64; 2] {
    let lat = lonlat.y().clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lonlat.x() + 180.0) / 360.0;
    let y = (1.0 - lat.tan().asinh() / std::f64::consts::PI) / 2.0;
    [x, y]
}

/// The inverse of [`to_unit`].
pub fn from_unit(unit: [f64; 2]) -> Point<f64> {
    let lon = unit[0] * 360.0 - 180.0;
    let lat = ((1.0 - 2.0 * unit[1]) * std::f64::consts::PI)
        .sinh()
        .atan()
        .to_degrees();
    Point::new(lon, lat)
}

/// A view of the map: what is at the centre, the zoom, and the screen
/// rectangle (`[min_x, min_y, max_x, max_y]` in screen points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenView {
    /// The unit Mercator coordinates at the centre of the rectangle.
    pub center: [f64; 2],
    /// Zoom level (0: the world is 256 points wide).
    pub zoom: f64,
    /// The map's rectangle on the screen.
    pub rect: [f32; 4],
}

impl ScreenView {
    /// A view centred on `lonlat`.
    pub fn new(lonlat: Point<f64>, zoom: f64, rect: [f32; 4]) -> ScreenView {
        ScreenView {
            center: to_unit(lonlat),
            zoom,
            rect,
        }
    }

    /// Points per unit Mercator length.
    pub fn scale(&self) -> f64 {
        TILE * self.zoom.exp2()
    }

    /// Screen position of unit coordinates.
    pub fn unit_to_screen(&self, unit: [f64; 2]) -> [f32; 2] {
        self.transform().apply(unit)
    }

    /// The view's unit-to-screen arithmetic with its constants worked out,
    /// for loops that project many points.
    pub fn transform(&self) -> ScreenTransform {
        ScreenTransform {
            scale: self.scale(),
            screen_center: [
                f64::from(self.rect[0] + self.rect[2]) / 2.0,
                f64::from(self.rect[1] + self.rect[3]) / 2.0,
            ],
            unit_center: self.center,
        }
    }

    /// Screen position of lon/lat.
    pub fn project(&self, lonlat: Point<f64>) -> [f32; 2] {
        self.unit_to_screen(to_unit(lonlat))
    }

    /// Lon/lat under a screen position.
    pub fn unproject(&self, pos: [f32; 2]) -> Point<f64> {
        let s = self.scale();
        let cx = f64::from(self.rect[0] + self.rect[2]) / 2.0;
        let cy = f64::from(self.rect[1] + self.rect[3]) / 2.0;
        from_unit([
            self.center[0] + (f64::from(pos[0]) - cx) / s,
            self.center[1] + (f64::from(pos[1]) - cy) / s,
        ])
    }

    /// The unit-coordinate box the screen rectangle shows, grown by `margin` points.
    pub fn unit_box(&self, margin: f32) -> [f64; 4] {
        let s = self.scale();
        let half_w = f64::from(self.rect[2] - self.rect[0] + 2.0 * margin) / 2.0 / s;
        let half_h = f64::from(self.rect[3] - self.rect[1] + 2.0 * margin) / 2.0 / s;
        [
            self.center[0] - half_w,
            self.center[1] - half_h,
            self.center[0] + half_w,
            self.center[1] + half_h,
        ]
    }

    /// Points per metre at a latitude.
    pub fn points_per_metre(&self, lat: f64) -> f64 {
        const EARTH_CIRCUMFERENCE_M: f64 = 40_075_016.686;
        self.scale() / EARTH_CIRCUMFERENCE_M / lat.to_radians().cos().max(1e-6)
    }

    /// The view that shows the lon/lat box `[min_lon, min_lat, max_lon, max_lat]`
    /// inside `rect`, zoomed in at most to `max_zoom`.
    pub fn fit(bounds: [f64; 4], rect: [f32; 4], max_zoom: f64) -> ScreenView {
        let a = to_unit(Point::new(bounds[0], bounds[3]));
        let b = to_unit(Point::new(bounds[2], bounds[1]));
        let center = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
        let w = f64::from(rect[2] - rect[0]).max(1.0) * 0.8;
        let h = f64::from(rect[3] - rect[1]).max(1.0) * 0.8;
        let span_x = (b[0] - a[0]).max(1e-9);
        let span_y = (b[1] - a[1]).max(1e-9);
        let zoom = (w / span_x / TILE)
            .log2()
            .min((h / span_y / TILE).log2())
            .clamp(0.0, max_zoom);
        ScreenView { center, zoom, rect }
    }
}

/// Unit coordinates to screen positions for one view (see [`ScreenView::transform`]).
#[derive(Clone, Copy, Debug)]
pub struct ScreenTransform {
    scale: f64,
    screen_center: [f64; 2],
    unit_center: [f64; 2],
}

impl ScreenTransform {
    /// Screen position of unit coordinates.
    #[inline]
    pub fn apply(&self, unit: [f64; 2]) -> [f32; 2] {
        [
            (self.screen_center[0] + (unit[0] - self.unit_center[0]) * self.scale) as f32,
            (self.screen_center[1] + (unit[1] - self.unit_center[1]) * self.scale) as f32,
        ]
    }
}

/// The largest integer not above `x` (for screen grids; `f32::floor` is a
/// library call on the baseline x86-64 target).
#[inline]
pub fn floor_i32(x: f32) -> i32 {
    let t = x as i32;
    t - i32::from(t as f32 > x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_and_unproject_agree_and_north_is_up() {
        let view = ScreenView::new(Point::new(36.2, 49.9), 6.0, [0.0, 0.0, 800.0, 600.0]);
        let kharkiv = view.project(Point::new(36.2, 49.9));
        assert!((kharkiv[0] - 400.0).abs() < 1e-3 && (kharkiv[1] - 300.0).abs() < 1e-3);
        let kyiv = view.project(Point::new(30.5, 50.45));
        assert!(kyiv[0] < kharkiv[0] && kyiv[1] < kharkiv[1], "Kyiv is west and north");
        let back = view.unproject(kyiv);
        assert!((back.x() - 30.5).abs() < 1e-4 && (back.y() - 50.45).abs() < 1e-4);
    }

    #[test]
    fn floor_rounds_down_on_both_sides_of_zero() {
        for x in [-2.5f32, -1.0, -0.25, 0.0, 0.75, 1.0, 3.999, 1e6] {
            assert_eq!(floor_i32(x), x.floor() as i32, "{x}");
        }
    }

    #[test]
    fn fit_shows_the_whole_box() {
        let rect = [0.0, 0.0, 1000.0, 700.0];
        let view = ScreenView::fit([30.0, 44.0, 40.0, 52.0], rect, 12.0);
        for corner in [Point::new(30.0, 44.0), Point::new(40.0, 52.0)] {
            let p = view.project(corner);
            assert!(p[0] >= 0.0 && p[0] <= 1000.0 && p[1] >= 0.0 && p[1] <= 700.0, "{p:?}");
        }
        assert!(view.zoom > 4.0, "{}", view.zoom);
    }
}
