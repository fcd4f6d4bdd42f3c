export { replayStory, DEFAULT_REPLAY_OPTIONS, type ObservedTurn, type ReplayOptions, type StoryReplay, type TurnReplay } from './replay';
export { compareTurn, type Difference } from './compare';
export { failureText, inputText } from './report';
