export { replayStory, DEFAULT_REPLAY_OPTIONS, type ReplayOptions, type StoryReplay, type TurnReplay } from './replay';
export { compareTurn, type Difference, type ObservedTurn } from './compare';
export { failureText, inputText } from './report';
