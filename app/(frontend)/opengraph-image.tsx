import { OG_CONTENT_TYPE, OG_SIZE, ogImage } from '@/seo/ogImage'
import { SITE_NAME } from '@/seo/site'

export const alt = `${SITE_NAME}: career data you can check`
export const size = OG_SIZE
export const contentType = OG_CONTENT_TYPE

export default function SiteOpenGraphImage() {
  return ogImage({ eyebrow: SITE_NAME.toUpperCase(), title: 'Career data you can check', footer: 'Salaries, demand and skills, every figure sourced' })
}
