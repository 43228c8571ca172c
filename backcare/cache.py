from django_redis.cache import RedisCache as DjangoRedisCache


class RedisCache(DjangoRedisCache):
    """django-redis that keeps the site up through a Redis outage.

    With IGNORE_EXCEPTIONS reads miss and writes are dropped, but `add` answers None, which
    allauth's rate-limit lock reads as "held by someone else": every log-in would be refused
    as rate-limited. During an outage an add counts as done instead, so the limits (and the
    check that a TOTP code is not used twice) pause until Redis is back, and the failures
    are logged.
    """

    def add(self, *args, **kwargs) -> bool:
        return super().add(*args, **kwargs) is not False
