import { ID_PATTERN, ID_REGEX, NestedArray, Optional } from '@omni/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, CONTACT_CHANNELS, ContactChannel } from '@omni/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IDENTITY_KINDS } from '../domain/identity';
import { PROFILE_STATUSES } from '../domain/profile';

export class IdentityView {
  @ApiProperty({ enum: IDENTITY_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true, enum: [...CHANNELS], description: 'channel of an account id; null for the others' }) channel: string | null;
  @ApiProperty({ description: 'normalised value: lower-case e-mail, E.164 phone, loyalty id without spaces, account id', example: 'ada@example.com' })
  value: string;
}

export class ConsentSourceView {
  @ApiProperty({ type: String, nullable: true, enum: [...CHANNELS], description: 'channel it was recorded in; null from a back-office system' }) channel:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PARIS', description: 'store where it was recorded' }) storeId: string | null;
  @ApiProperty({ example: 'a-7', description: 'associate, customer account or back-office user that recorded it' }) recordedBy: string;
}

export class MarketingConsentView {
  @ApiProperty({ enum: CONTACT_CHANNELS }) contactChannel: string;
  @ApiProperty() granted: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: () => ConsentSourceView }) source: ConsentSourceView;
}

export class ProfileView {
  @ApiProperty({ format: 'uuid', description: 'customer (profile) id; a merged id answers with the profile it was merged into' }) customerId: string;
  @ApiProperty({ enum: PROFILE_STATUSES }) status: string;
  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: 'profiles merged into this one' }) mergedCustomerIds: string[];
  @ApiProperty({ type: String, nullable: true, example: 'Ada Martin' }) name: string | null;
  @ApiProperty({ type: String, nullable: true, example: '75011' }) postcode: string | null;
  @ApiProperty({ type: () => IdentityView, isArray: true }) identities: IdentityView[];
  @ApiProperty({ type: String, nullable: true, example: 'PARIS' }) homeStoreId: string | null;
  @ApiProperty({ type: String, nullable: true, enum: [...CONTACT_CHANNELS, null] }) preferredContactChannel: string | null;
  @ApiProperty({ type: () => MarketingConsentView, isArray: true, description: 'a contact channel not listed has no consent' })
  marketingConsents: MarketingConsentView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) erasedAt: string | null;
}

export class TimelineEntryView {
  @ApiProperty({ format: 'uuid', description: 'id of the event the entry records' }) eventId: string;
  @ApiProperty({ example: 'order.collected', description: 'what happened (the event type)' }) kind: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'fulfilment group; null: the whole order' }) fulfilmentId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'pos',
    description: "channel it happened in (a store's steps: pos; system steps: the order's channel)",
  })
  channel: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PARIS', description: 'store or location where it happened' }) storeId: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

export class TimelineView {
  @ApiProperty({ description: 'the profile id; the reference asked for when no profile answers to it' }) customerId: string;
  @ApiProperty({ type: () => TimelineEntryView, isArray: true, description: 'newest first' }) entries: TimelineEntryView[];
  @ApiProperty({ type: String, nullable: true, description: 'cursor of the next (older) page; null on the last page' }) nextCursor: string | null;
}

export class TimelineQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'entries per page' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class GroupView {
  @ApiProperty({ format: 'uuid' }) fulfilmentId: string;
  @ApiProperty({ enum: ['pickup', 'delivery'] }) type: string;
  @ApiProperty({ type: String, nullable: true, description: 'pickup store, or the location shipping a delivery' }) storeId: string | null;
  @ApiProperty({ example: 'READY_FOR_PICKUP' }) status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readyBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pickupDeadline: string | null;
}

export class OrderSummaryView {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ type: String, nullable: true, enum: [...CHANNELS] }) channel: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) placedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) placedAtStoreId: string | null;
  @ApiProperty() open: boolean;
  @ApiProperty({ type: () => GroupView, isArray: true }) groups: GroupView[];
  @ApiProperty({ format: 'date-time', description: 'time of the latest event' }) updatedAt: string;
}

export class PickupView extends GroupView {
  @ApiProperty({ format: 'uuid' }) orderId: string;
}

export class OpenOrdersView {
  @ApiProperty({ type: () => OrderSummaryView, isArray: true }) openOrders: OrderSummaryView[];
  @ApiProperty({ type: () => PickupView, isArray: true, description: 'pickup groups not collected, cancelled or expired yet' }) pickups: PickupView[];
}

export class LookupMatchView extends OpenOrdersView {
  @ApiProperty({ type: () => ProfileView }) profile: ProfileView;
  @ApiProperty({ type: () => TimelineEntryView, isArray: true, description: 'the 10 most recent entries' }) recentTimeline: TimelineEntryView[];
}

export class LookupView {
  @ApiProperty({ type: () => LookupMatchView, isArray: true, description: 'at most one for an e-mail, phone or loyalty id; up to 20 for a name and postcode' })
  matches: LookupMatchView[];
}

/** Exactly one key: email, phone, loyaltyId, or name with postcode (checked by the controller). */
export class LookupDto {
  @ApiPropertyOptional({ maxLength: 254, example: 'ada@example.com' })
  @Optional()
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 32, example: '06 12 34 56 78', description: 'any format; read in PHONE_DEFAULT_REGION without a country code' })
  @Optional()
  @IsString()
  @MinLength(3)
  @MaxLength(32)
  phone?: string;

  @ApiPropertyOptional({ maxLength: 64, example: 'LOY-1234-5678' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  loyaltyId?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Ada Martin', description: 'with postcode' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 20, example: '75011', description: 'with name' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  postcode?: string;
}

export class DuplicateView {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ example: 0.92, description: 'combined strength of the signals, 0 to 1' }) score: number;
  @ApiProperty({ type: String, isArray: true, example: ['same-order', 'same-name-and-postcode'] }) signals: string[];
}

export class DuplicatesView {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: () => DuplicateView, isArray: true, description: 'best first' }) candidates: DuplicateView[];
}

export class MergeDto {
  @ApiProperty({ format: 'uuid', description: 'the profile merged away' })
  @IsUUID()
  mergedCustomerId: string;

  @ApiProperty({ format: 'uuid', description: 'the profile that keeps both histories' })
  @IsUUID()
  survivingCustomerId: string;

  @ApiProperty({ minLength: 3, maxLength: 500, example: 'same person: confirmed by phone', description: 'why, for the audit trail' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class MergeView {
  @ApiProperty({ format: 'uuid' }) mergeId: string;
  @ApiProperty({ format: 'uuid' }) mergedCustomerId: string;
  @ApiProperty({ format: 'uuid' }) survivingCustomerId: string;
  @ApiProperty({ description: 'token subject of whoever merged' }) mergedBy: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) mergedAt: string;
}

export class ConsentDto {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn([...CONTACT_CHANNELS])
  contactChannel: ContactChannel;

  @ApiProperty({ description: 'true: consent given; false: withdrawn' })
  @IsBoolean()
  granted: boolean;
}

export class PreferencesDto {
  @ApiPropertyOptional({ type: String, nullable: true, pattern: ID_PATTERN, example: 'PARIS', description: 'null clears it' })
  @Optional({ nullable: true })
  @IsString()
  @Matches(ID_REGEX, { message: 'homeStoreId must be a store id (1-64 of A-Z a-z 0-9 . _ -)' })
  homeStoreId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: [...CONTACT_CHANNELS, null], description: 'null clears it' })
  @Optional({ nullable: true })
  @IsIn([...CONTACT_CHANNELS])
  preferredContactChannel?: ContactChannel | null;

  @ApiPropertyOptional({ type: () => ConsentDto, isArray: true, maxItems: 5, description: 'marketing consents given or withdrawn now, per contact channel' })
  @Optional()
  @NestedArray(() => ConsentDto)
  @ArrayMaxSize(5)
  marketingConsents?: ConsentDto[];
}

export class ErasureView {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: 'profiles merged into it, erased with it' }) formerCustomerIds: string[];
  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: 'orders whose personal data the other services anonymise' }) orderIds: string[];
  @ApiProperty() requestedBy: string;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
}

export class RebuildPositionView {
  @ApiProperty() topic: string;
  @ApiProperty({ type: 'integer' }) partition: number;
  @ApiProperty({ description: 'end offset read up to (exclusive)' }) offset: string;
}

export class RebuildView {
  @ApiProperty({ format: 'uuid' }) rebuildId: string;
  @ApiProperty({ type: 'integer' }) messagesRead: number;
  @ApiProperty({ type: 'integer' }) entries: number;
  @ApiProperty({ type: () => RebuildPositionView, isArray: true }) upTo: RebuildPositionView[];
}
