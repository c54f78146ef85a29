import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Optional } from './validation/decorators';

/** A postal address in a request body (a delivery, a replacement shipped home), validated field by field. */
export class AddressDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Ada Martin' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: '3 rue Oberkampf' })
  @IsString()
  @Length(1, 200)
  line1: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Optional()
  @IsString()
  @Length(1, 200)
  line2?: string;

  @ApiProperty({ minLength: 1, maxLength: 20, example: '75011' })
  @IsString()
  @Length(1, 20)
  postcode: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Paris' })
  @IsString()
  @Length(1, 100)
  city: string;

  @ApiProperty({ example: 'FR', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as FR' })
  country: string;
}
