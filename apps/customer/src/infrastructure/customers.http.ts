import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Caller, Principal, RequireScopes, uuidParam } from '@omni/platform';
import type { Response } from 'express';
import { ChangePreferencesUseCase } from '../application/change-preferences.use-case';
import { CustomerQueries, decodeCursor } from '../application/customer.queries';
import { CustomerSettings } from '../application/customer-settings';
import { EraseCustomerUseCase } from '../application/erase-customer.use-case';
import { MergeProfilesUseCase } from '../application/merge-profiles.use-case';
import { nameKey, normaliseEmail, normaliseLoyaltyId, normalisePhone, normalisePostcode } from '../domain/identity';
import { CustomerAccess } from '../application/customer-access';
import {
  DuplicatesView,
  ErasureView,
  LookupDto,
  LookupView,
  MergeDto,
  MergeView,
  OpenOrdersView,
  PreferencesDto,
  ProfileView,
  TimelineQuery,
  TimelineView,
} from './customer.api';
import { customerProblem, invalidRequest, CustomerProblems } from './customer-problems';

const ID = { name: 'customerId', format: 'uuid', description: 'customer (profile) id' };

/** Profiles: read, timeline, open orders, duplicates, preferences, merge, erasure, POS lookup (docs/customers.md). */
@ApiTags('customers')
@Controller('customers')
export class CustomersHttpController {
  constructor(
    private readonly access: CustomerAccess,
    private readonly queries: CustomerQueries,
    private readonly settings: CustomerSettings,
    private readonly preferences: ChangePreferencesUseCase,
    private readonly merges: MergeProfilesUseCase,
    private readonly erasures: EraseCustomerUseCase,
  ) {}

  @Post('lookup')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('customers:read')
  @ApiOperation({
    summary: 'Find a customer at the POS: by e-mail, phone, loyalty id, or name with postcode',
    description:
      'Exactly one key (name goes with postcode). Answers each matching profile with its open orders, pickups and recent timeline. A POST, so personal data stays out of URLs and access logs; it changes nothing.',
  })
  @ApiBody({ type: LookupDto })
  @ApiOkResponse({ type: LookupView, description: 'The matches (none: an empty list)' })
  @CustomerProblems(['REQUEST.INVALID', 'No key, more than one, a name without postcode, or a key that cannot be an e-mail or phone number'])
  async lookup(@Body() body: LookupDto) {
    const key = this.lookupKey(body);
    const ids = await this.queries.find(key);
    const matches = [];
    for (const id of ids) {
      const profile = await this.queries.profile(id);
      if (!profile) continue;
      const open = await this.queries.openOrders(id);
      const recent = await this.queries.timeline(id, 10, null);
      matches.push({ profile, ...open, recentTimeline: recent.entries });
    }
    return { matches };
  }

  private lookupKey(b: LookupDto): Parameters<CustomerQueries['find']>[0] {
    const given = (['email', 'phone', 'loyaltyId', 'name', 'postcode'] as const).filter((k) => b[k] !== undefined);
    const named = given.includes('name') || given.includes('postcode');
    const keys = given.filter((k) => k !== 'name' && k !== 'postcode').length + (named ? 1 : 0);
    if (keys !== 1)
      throw invalidRequest(
        given.length > 0 ? [...given] : ['email', 'phone', 'loyaltyId', 'name'],
        'exactlyOneKey',
        'give exactly one of email, phone, loyaltyId, or name with postcode',
      );
    if (b.email !== undefined) {
      const v = normaliseEmail(b.email);
      if (!v) throw invalidRequest(['email'], 'isEmail', 'email must be an e-mail address');
      return { kind: 'email', value: v };
    }
    if (b.phone !== undefined) {
      const v = normalisePhone(b.phone, this.settings.phoneDefaultRegion);
      if (!v)
        throw invalidRequest(['phone'], 'isPhoneNumber', `phone must be a valid phone number (E.164, or national in ${this.settings.phoneDefaultRegion})`);
      return { kind: 'phone', value: v };
    }
    if (b.loyaltyId !== undefined) {
      const v = normaliseLoyaltyId(b.loyaltyId);
      if (!v) throw invalidRequest(['loyaltyId'], 'isLoyaltyId', 'loyaltyId must be letters and digits (spaces and hyphens ignored)');
      return { kind: 'loyalty-id', value: v };
    }
    const name = nameKey(b.name);
    const postcode = normalisePostcode(b.postcode);
    if (!name || !postcode) throw invalidRequest(['name', 'postcode'], 'nameWithPostcode', 'name and postcode go together, both with letters or digits');
    return { kind: 'name', nameKey: name, postcode };
  }

  @Post('merges')
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Merge two profiles of one person',
    description:
      'The survivor keeps every identity, order and consent of both (latest consent per contact channel wins); the merge is recorded with who, when and why, and customer.merged tells the other services. Merging again what is already merged answers the first merge (200).',
  })
  @ApiBody({ type: MergeDto })
  @ApiResponse({ status: 201, type: MergeView, description: 'Merged' })
  @ApiResponse({ status: 200, type: MergeView, description: 'Already merged so: the earlier merge' })
  @CustomerProblems(
    400,
    ['CUSTOMER.NOT_FOUND', 'No such customer'],
    [['CUSTOMER.MERGED', 'CUSTOMER.ERASED'], 'A profile was merged into another or erased'],
    ['CUSTOMER.SAME_PROFILE', 'The same profile twice'],
  )
  async merge(@Body() body: MergeDto, @Caller() caller: Principal, @Res({ passthrough: true }) res: Response) {
    const r = await this.merges.merge({
      mergedId: body.mergedCustomerId,
      survivorId: body.survivingCustomerId,
      reason: body.reason,
      by: caller.associateId ?? caller.sub,
    });
    if (!r.ok) throw customerProblem(r.code, r.detail);
    res.status(r.state.replayed ? HttpStatus.OK : HttpStatus.CREATED);
    return r.state.record;
  }

  @Get(':customerId')
  @ApiOperation({
    summary: 'A customer profile: identities, preferences, consents',
    description: "customers:read, or the customer's own token. A merged id answers with the profile it was merged into.",
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: ProfileView })
  @CustomerProblems(['REQUEST.INVALID', 'customerId is not a UUID'], ['CUSTOMER.NOT_FOUND', 'No such customer'])
  async get(@Param('customerId', uuidParam('customerId')) id: string, @Caller() caller: Principal) {
    await this.access.assertMayRead(caller, id);
    const p = await this.queries.profile(id);
    if (!p) throw customerProblem('CUSTOMER.NOT_FOUND', `no customer ${id}`);
    return p;
  }

  @Get(':customerId/timeline')
  @ApiOperation({
    summary: "A customer's timeline across channels, newest first, a page at a time",
    description:
      "Every order event of the profile and of the profiles merged into it, with channel, store and time. customerId is the profile id, or a customer account id (a customer token's own customer_id). customers:read, or the customer's own token.",
  })
  @ApiParam({ name: 'customerId', description: 'customer (profile) id, or a customer account id', example: 'c-42' })
  @ApiOkResponse({ type: TimelineView, description: 'One page (empty for an unknown customer)' })
  @CustomerProblems(['REQUEST.INVALID', 'customerId, limit or cursor breaks its rule'])
  async timeline(@Param('customerId') ref: string, @Query() q: TimelineQuery, @Caller() caller: Principal) {
    if (!/^[A-Za-z0-9._:@-]{1,128}$/.test(ref))
      throw invalidRequest(['customerId'], 'isCustomerRef', 'customerId must be a profile id or an account id (1-128 of A-Z a-z 0-9 . _ : @ -)');
    const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
    if (q.cursor !== undefined && after === null) throw invalidRequest(['cursor'], 'isCursor', 'cursor must be the nextCursor of a previous page');
    const id = await this.access.readableProfile(caller, ref);
    if (id === null) return { customerId: ref, entries: [], nextCursor: null };
    return this.queries.timeline(id, q.limit ?? 50, after);
  }

  @Get(':customerId/orders')
  @ApiOperation({
    summary: "A customer's open orders and pickups",
    description: 'From the order events: each open order with its fulfilment groups and their state, and the pickups still to collect.',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: OpenOrdersView })
  @CustomerProblems(['REQUEST.INVALID', 'customerId is not a UUID'], ['CUSTOMER.NOT_FOUND', 'No such customer'])
  async openOrders(@Param('customerId', uuidParam('customerId')) id: string, @Caller() caller: Principal) {
    await this.access.assertMayRead(caller, id);
    const p = await this.queries.profile(id);
    if (!p) throw customerProblem('CUSTOMER.NOT_FOUND', `no customer ${id}`);
    return this.queries.openOrders(p.customerId);
  }

  @Get(':customerId/duplicates')
  @RequireScopes('customers:read')
  @ApiOperation({
    summary: 'Profiles that are likely the same person',
    description: 'Scored from documented signals (docs/customers.md, Duplicates); merging stays an explicit decision.',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: DuplicatesView })
  @CustomerProblems(['REQUEST.INVALID', 'customerId is not a UUID'], ['CUSTOMER.NOT_FOUND', 'No such customer'])
  async duplicates(@Param('customerId', uuidParam('customerId')) id: string) {
    const p = await this.queries.profile(id);
    if (!p) throw customerProblem('CUSTOMER.NOT_FOUND', `no customer ${id}`);
    const candidates = await this.queries.duplicates(p.customerId);
    return { customerId: p.customerId, candidates: candidates.map((c) => ({ customerId: c.profileId, score: c.score, signals: c.signals })) };
  }

  @Patch(':customerId/preferences')
  @ApiOperation({
    summary: 'Change home store, preferred contact channel, marketing consents',
    description:
      "The customer's own token, a POS (store:operate) or admin. Each consent is recorded with the time and its source (the token's channel, store and associate or subject); customer.preferences-changed carries the new state.",
  })
  @ApiParam(ID)
  @ApiBody({ type: PreferencesDto })
  @ApiOkResponse({ type: ProfileView })
  @CustomerProblems(400, ['CUSTOMER.NOT_FOUND', 'No such customer'], [['CUSTOMER.MERGED', 'CUSTOMER.ERASED'], 'The profile was merged or erased'])
  async changePreferences(@Param('customerId', uuidParam('customerId')) id: string, @Body() body: PreferencesDto, @Caller() caller: Principal) {
    if (body.homeStoreId === undefined && body.preferredContactChannel === undefined && body.marketingConsents === undefined) {
      throw invalidRequest(
        ['homeStoreId', 'preferredContactChannel', 'marketingConsents'],
        'atLeastOne',
        'give at least one of homeStoreId, preferredContactChannel, marketingConsents',
      );
    }
    const channels = (body.marketingConsents ?? []).map((c) => c.contactChannel);
    if (new Set(channels).size !== channels.length)
      throw invalidRequest(['marketingConsents'], 'uniqueContactChannel', 'marketingConsents names a contact channel twice');
    await this.access.assertMayChangePreferences(caller, id);
    const source = { channel: caller.channel, storeId: caller.storeId, recordedBy: caller.associateId ?? caller.sub };
    const r = await this.preferences.change(id, body, source);
    if (!r.ok) throw customerProblem(r.code, r.detail);
    return (await this.queries.profile(id))!;
  }

  @Post(':customerId/erasure')
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Erase a customer (right to be forgotten)',
    description:
      'Anonymises the profile and every profile merged into it; identities are kept only as keyed hashes so old orders never re-create it; customer.erased tells the other services which accounts and orders to anonymise. Financial records are kept. Erasing again answers the first erasure (200).',
  })
  @ApiParam(ID)
  @ApiResponse({ status: 201, type: ErasureView, description: 'Erased' })
  @ApiResponse({ status: 200, type: ErasureView, description: 'Erased before: the earlier erasure' })
  @CustomerProblems(
    ['REQUEST.INVALID', 'customerId is not a UUID'],
    ['CUSTOMER.NOT_FOUND', 'No such customer'],
    ['CUSTOMER.MERGED', 'The profile was merged into another: erase that one'],
  )
  async erase(@Param('customerId', uuidParam('customerId')) id: string, @Caller() caller: Principal, @Res({ passthrough: true }) res: Response) {
    const r = await this.erasures.erase(id, caller.sub);
    if (!r.ok) throw customerProblem(r.code, r.detail);
    res.status(r.state.replayed ? HttpStatus.OK : HttpStatus.CREATED);
    return r.state.record;
  }
}
