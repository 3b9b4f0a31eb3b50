/** Words of the layouts for small screens: the one-at-a-time viewport switch, the folded toolbar, the side panel. */
export const layout = {
  /** The group of buttons that picks the one viewport shown when the screen is too narrow for all of them. */
  viewportSwitch: 'Shown viewport',
  emptyCell: 'Empty cell',
  /** The button that unfolds the viewer's tools (and the series strip) on a narrow screen. */
  toolsMenu: 'Tools',
  /** The button that unfolds the case page header's actions (present, author mode, shortcuts) on a small screen. */
  headerMenu: 'Menu',
  /** The button that folds the side panel away on a short (landscape phone) screen, and back. */
  hidePanel: 'Hide panel',
  showPanel: 'Show panel',
};
