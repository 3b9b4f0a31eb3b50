/** Author mode: the arrows of the selected segment's cue, listed to relabel or delete, and dragged on the image. */
export const authorArrows = {
  region: 'Arrows',
  heading: 'Arrows',
  none: 'No arrows on this segment’s view. “Place arrow”, then click the finding.',
  /** The arrows shown belong to the view an earlier segment set (this one has no view of its own). */
  inherited: (segment: number) => `From segment ${segment}’s view (this segment keeps it).`,
  hint: 'Drag an arrow’s tip, tail or label on the image. Click an arrow, then Delete, to remove it.',
  item: (n: number, viewport: string) => `Arrow ${n} · ${viewport}`,
  onImage: (image: number) => ` · image ${image}`,
  label: (n: number) => `Label of arrow ${n}`,
  remove: 'Delete',
  removeNamed: (n: number) => `Delete arrow ${n}`,
};
