import { Body, Controller, Get, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems, invalidField, ProblemException, RequireScopes } from '@omni/platform';
import { IsDateString, IsInt, Max, Min } from 'class-validator';
import { checkSku, SKU_PATTERN } from './sku-param';
import { PreordersUseCase } from '../application/preorders.use-case';
import type { PreorderProduct } from '../application/ports/preorder.port';
import { OrderQueries } from '../application/order.queries';
import { OrderProblems } from './order-problems';

export class PreorderProductDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-10T08:00:00Z', description: 'release date: preorders become collectable then, not before' })
  @IsDateString({ strict: true }, { message: 'releaseAt must be an ISO 8601 date-time' })
  releaseAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T08:00:00Z', description: 'preorders taken from' })
  @IsDateString({ strict: true }, { message: 'opensAt must be an ISO 8601 date-time' })
  opensAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-10T08:00:00Z', description: 'preorders taken until (excluded)' })
  @IsDateString({ strict: true }, { message: 'closesAt must be an ISO 8601 date-time' })
  closesAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 50, description: 'units that may be preordered per store' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  capPerStore: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, example: 2, description: 'units one customer may preorder across stores' })
  @IsInt()
  @Min(1)
  @Max(1000)
  capPerCustomer: number;
}

export class PreorderProductView {
  @ApiProperty() sku: string;
  @ApiProperty({ format: 'date-time' }) releaseAt: string;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: 'integer' }) capPerStore: number;
  @ApiProperty({ type: 'integer' }) capPerCustomer: number;
}

const view = (p: PreorderProduct): PreorderProductView => ({
  sku: p.sku,
  releaseAt: p.releaseAt.toISOString(),
  opensAt: p.opensAt.toISOString(),
  closesAt: p.closesAt.toISOString(),
  capPerStore: p.capPerStore,
  capPerCustomer: p.capPerCustomer,
});

/** Products sold before their release (docs/preorders.md). */
@ApiTags('preorders')
@Controller('preorder-products')
export class PreorderProductsHttpController {
  constructor(
    private readonly preorders: PreordersUseCase,
    private readonly queries: OrderQueries,
  ) {}

  @Put(':sku')
  @RequireScopes('preorders:manage')
  @ApiOperation({
    summary: 'Define a preorder product, or change it',
    description: 'A new release date reaches every open preorder of the product; a later one is told to each customer.',
  })
  @ApiParam({ name: 'sku', schema: { type: 'string', pattern: SKU_PATTERN } })
  @ApiBody({ type: PreorderProductDto })
  @ApiOkResponse({ type: PreorderProductView })
  @ApiProblems(400)
  async put(@Param('sku') sku: string, @Body() body: PreorderProductDto) {
    checkSku(sku);
    const product: PreorderProduct = {
      sku,
      releaseAt: new Date(body.releaseAt),
      opensAt: new Date(body.opensAt),
      closesAt: new Date(body.closesAt),
      capPerStore: body.capPerStore,
      capPerCustomer: body.capPerCustomer,
    };
    if (product.opensAt.getTime() >= product.closesAt.getTime()) throw invalidField('closesAt', 'afterOpensAt', 'closesAt must be after opensAt');
    const saved = await this.preorders.save(product);
    return view(saved.product);
  }

  @Get(':sku')
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'A preorder product' })
  @ApiParam({ name: 'sku', schema: { type: 'string', pattern: SKU_PATTERN } })
  @ApiOkResponse({ type: PreorderProductView })
  @OrderProblems(['REQUEST.INVALID', 'sku breaks its rule'])
  // Here PREORDER.NOT_A_PREORDER is a 404, not the 422 of a placement (ORDER_REFUSAL_STATUS): its status is given by hand.
  @ApiProblems([404, 'Not a preorder product (PREORDER.NOT_A_PREORDER)'])
  async get(@Param('sku') sku: string) {
    checkSku(sku);
    const p = await this.queries.preorderProduct(sku);
    if (!p) throw new ProblemException(HttpStatus.NOT_FOUND, 'PREORDER.NOT_A_PREORDER', `${sku} is not a preorder product`);
    return view(p);
  }
}
