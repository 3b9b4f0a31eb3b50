/** Words of the lesson's reading aids: captions over the image, the reading-along note, the skip link. */
export const lesson = {
  /** Said beside "Play" when the browser has no speech voices and the case no recorded narration. */
  noVoice: 'No voice in this browser: reading along',
  /** The toggle for the transcript's current words over the image while the lesson plays. */
  captions: 'Captions on the image',
  /** The first stop of the keyboard on a case page: straight to Play and the steps. */
  skipToControls: 'Skip to the lesson controls',
};
