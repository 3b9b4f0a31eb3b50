/**
 * The English UI text, the app's reference language: every other language is typed from it (`Messages`).
 * One file per feature under en/, joined here.
 */
import { common } from './en/common';
import { errors } from './en/errors';
import { library } from './en/library';
import { casePage } from './en/case-page';
import { viewer } from './en/viewer';
import { quiz } from './en/quiz';
import { quizScore } from './en/quiz-score';
import { quizFlow } from './en/quiz-flow';
import { presenter } from './en/presenter';
import { author } from './en/author';
import { authorProblems } from './en/author-problems';
import { authorAnswers } from './en/author-answers';
import { authorArrows } from './en/author-arrows';
import { authorTeaching } from './en/author-teaching';
import { casePackage } from './en/package';
import { local } from './en/local';
import { offline } from './en/offline';
import { shortcuts } from './en/shortcuts';
import { gestures } from './en/gestures';
import { layout } from './en/layout';
import { caseReview } from './en/case-review';
import { lesson } from './en/lesson';
import { record } from './en/record';
import { recordedSegments } from './en/recorded-segments';
import { archive } from './en/archive';
import { archivePublish } from './en/archive-publish';
import { unknownPackage } from './en/unknown-package';
import { quizWalk } from './en/quiz-walk';
import { stepsCleanup } from './en/steps-cleanup';

export const en = {
  common,
  errors,
  library,
  casePage,
  viewer,
  quiz,
  quizScore,
  quizFlow,
  presenter,
  author,
  authorProblems,
  authorAnswers,
  authorArrows,
  authorTeaching,
  package: casePackage,
  local,
  offline,
  shortcuts,
  gestures,
  layout,
  caseReview,
  lesson,
  record,
  recordedSegments,
  archive,
  archivePublish,
  unknownPackage,
  quizWalk,
  stepsCleanup,
};
