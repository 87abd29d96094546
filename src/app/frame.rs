//! Everything the map draws in one frame, in screen coordinates: basemap,
//! claim shapes and clustered markers. Built without egui, so the per-frame
//! cost is measured by `cargo bench --bench map_frame`.

use super::basemap::{Basemap, BasemapFrame, FillMesh, RegionMeshes};
use super::map_model::{DrawnMarker, MapModel, SizeBy, build_frame};
use super::projection::ScreenView;

/// How far off the screen a place claim's ring may be and still show, in points.
const RING_MARGIN: f32 = 200.0;

/// Side of the screen cells in which one ring per side is drawn, in points.
const RING_CELL: f32 = 8.0;

/// A claim's shape on the screen.
#[derive(Clone, Debug, Default)]
pub struct ClaimShape {
    /// Index of the claim in [`MapModel::claims`].
    pub mark: usize,
    /// The region's triangles (empty for a place claim, drawn as a ring).
    pub fill: FillMesh,
    /// The region's outline rings.
    pub rings: Vec<Vec<[f32; 2]>>,
    /// Where the claim's place is.
    pub center: [f32; 2],
}

/// One frame of the map.
#[derive(Default)]
pub struct MapFrame {
    /// The basemap.
    pub basemap: BasemapFrame,
    /// The claims' shapes, when the claims layer is on.
    pub claims: Vec<ClaimShape>,
    /// The markers, clustered.
    pub markers: Vec<DrawnMarker>,
    /// Which sides have a ring in each screen cell (one bit a side).
    ring_cells: Vec<u8>,
}

impl MapFrame {
    /// Builds the frame for `view` (buffers are reused between frames).
    pub fn build(
        &mut self,
        basemap: Option<&Basemap>,
        model: &MapModel,
        regions: &mut RegionMeshes,
        view: &ScreenView,
        size_by: SizeBy,
        claims: bool,
    ) {
        match basemap {
            Some(b) => b.build_frame(view, &mut self.basemap),
            None => self.basemap = BasemapFrame::default(),
        }
        self.claims.clear();
        if claims {
            let screen = view.unit_box(0.0);
            // Place rings and area circles reach this far out of the screen (points).
            let margin = view.unit_box(RING_MARGIN);
            let inside = |u: [f64; 2]| u[0] >= margin[0] && u[0] <= margin[2] && u[1] >= margin[1] && u[1] <= margin[3];
            // One bit a side for each cell of the screen and its margin: a ring drawn there.
            let x0 = view.rect[0] - RING_MARGIN;
            let y0 = view.rect[1] - RING_MARGIN;
            let columns = ((view.rect[2] - view.rect[0] + 2.0 * RING_MARGIN) / RING_CELL).ceil() as usize + 1;
            let rows = ((view.rect[3] - view.rect[1] + 2.0 * RING_MARGIN) / RING_CELL).ceil() as usize + 1;
            self.ring_cells.clear();
            self.ring_cells.resize(columns * rows, 0);
            let transform = view.transform();
            for (i, c) in model.claims.iter().enumerate() {
                let region = c.region.map(|r| regions.get(r));
                if region.is_none() && !inside(c.unit) {
                    continue;
                }
                let center = transform.apply(c.unit);
                let mut shape = ClaimShape {
                    mark: i,
                    center,
                    ..ClaimShape::default()
                };
                match region {
                    Some(mesh) => {
                        if !mesh.overlaps(screen) {
                            continue;
                        }
                        mesh.project_fill(view, &mut shape.fill);
                        mesh.project_rings(view, &mut shape.rings);
                    }
                    None => {
                        // Casts round towards zero and stop at zero: the floor, clamped.
                        let cx = ((center[0] - x0) / RING_CELL) as usize;
                        let cy = ((center[1] - y0) / RING_CELL) as usize;
                        let Some(cell) = self.ring_cells.get_mut(cy * columns + cx.min(columns - 1)) else {
                            continue;
                        };
                        let bit = 1u8 << c.side_slot;
                        if *cell & bit != 0 {
                            continue; // a ring of this side is already drawn here
                        }
                        *cell |= bit;
                    }
                }
                self.claims.push(shape);
            }
        }
        build_frame(model, view, size_by, &mut self.markers);
    }
}
