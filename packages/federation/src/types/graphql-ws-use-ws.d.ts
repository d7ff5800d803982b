// graphql-ws publishes `use/ws` through package exports, which this repo's node10 resolution does not read
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
