import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ID_REGEX, ID_PATTERN } from './ids';

/** A SKU, a quantity and the price of one unit, in a request body (order lines, cart lines, exchange replacements). */
export class PricedLineDto {
  @ApiProperty({ description: 'stock keeping unit', example: 'SKU-1', pattern: ID_PATTERN })
  @IsString()
  @Matches(ID_REGEX, { message: 'sku must be 1-64 letters, digits, dot, dash or underscore' })
  sku: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10000, example: 2 })
  @IsInt()
  @Min(1)
  @Max(10000)
  quantity: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100_000_000, example: 8900, description: 'price of one unit in minor units (cents) of the currency' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  unitPrice: number;
}
