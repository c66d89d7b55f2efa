app_name = "contests"

urlpatterns = []
