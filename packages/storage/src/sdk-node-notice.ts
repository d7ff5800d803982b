/**
 * The AWS SDK warns on every Node.js below 22 that its releases after January 2027 will need 22. This
 * project pins its SDK in package-lock.json and supports Node.js 20.19+ (see README, "Runtime"), so the notice
 * says nothing to a user of this release; moving the SDK past that date means raising `engines` to 22 first.
 * An explicit setting in the environment still wins.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
