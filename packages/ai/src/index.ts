export * from './ai-environment';
export * from './ai-limits';
export * from './ai-budget';
export * from './chat-json';
