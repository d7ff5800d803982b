export const MAX_DISPLAY_NAME = 80;
export const MAX_BIO = 500;
