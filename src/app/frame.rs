//! Everything the map draws in one frame, in screen coordinates: basemap,
//! claim shapes and clustered markers. Built without egui, so the per-frame
//! cost is measured by `cargo bench --bench map_frame`.

use super::basemap::{Basemap, BasemapFrame, FillMesh, RegionMeshes};
use super::map_model::{DrawnMarker, MapModel, SizeBy, build_frame};
use super::projection::ScreenView;

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
            for (i, c) in model.claims.iter().enumerate() {
                let mut shape = ClaimShape {
                    mark: i,
                    center: view.unit_to_screen(c.unit),
                    ..ClaimShape::default()
                };
                if let Some(mesh) = c.region.as_deref().and_then(|k| regions.get(k)) {
                    if !mesh.overlaps(screen) {
                        continue;
                    }
                    mesh.project_fill(view, &mut shape.fill);
                    mesh.project_rings(view, &mut shape.rings);
                }
                self.claims.push(shape);
            }
        }
        build_frame(model, view, size_by, &mut self.markers);
    }
}
