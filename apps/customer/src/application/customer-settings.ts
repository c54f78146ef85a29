/** What the customer service's use cases read from its configuration. */
export class CustomerSettings {
  constructor(readonly phoneDefaultRegion: string) {}
}
