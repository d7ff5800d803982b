export { analyseLocally } from './heuristic-analyser';
export { labelledReviews, measureAccuracy, type Accuracy } from './labelled-set';
